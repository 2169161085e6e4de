package io.sunshine.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The outside verifiers of the contracts' PDFs: poppler's {@code pdftotext}, {@code pdfsig} (with
 * an NSS database that trusts the platform's root certificate, made with {@code certutil}) and
 * {@code pdftoppm}.
 */
public final class PopplerTools {
    private PopplerTools() {}

    /** What a command printed (stdout and stderr) and its exit value. */
    public record Run(int exit, String output) {}

    public static Run run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " finished");
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError(command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The text of a PDF as {@code pdftotext -layout} reads it. */
    public static String text(Path pdf) throws IOException {
        Path txt = pdf.resolveSibling(pdf.getFileName() + ".txt");
        Run r = run(List.of("pdftotext", "-layout", pdf.toString(), txt.toString()));
        assertEquals(0, r.exit(), "pdftotext: " + r.output());
        return Files.readString(txt, StandardCharsets.UTF_8);
    }

    /** An NSS database in {@code dir} that trusts this root certificate (PEM) for signing. */
    public static String nssTrusting(Path dir, String rootPem) throws IOException {
        Files.createDirectories(dir);
        Path pem = dir.resolve("root.pem");
        Files.writeString(pem, rootPem, StandardCharsets.US_ASCII);
        String db = "sql:" + dir;
        Run init = run(List.of("certutil", "-N", "--empty-password", "-d", db));
        assertEquals(0, init.exit(), "certutil -N: " + init.output());
        Run add =
                run(
                        List.of(
                                "certutil",
                                "-A",
                                "-d",
                                db,
                                "-n",
                                "sunshine-root",
                                "-t",
                                "CT,C,C",
                                "-i",
                                pem.toString()));
        assertEquals(0, add.exit(), "certutil -A: " + add.output());
        return db;
    }

    /** What {@code pdfsig} says of a PDF, checking against the NSS database given. */
    public static Run pdfsig(Path pdf, String nssDb) {
        List<String> c = new ArrayList<>(List.of("pdfsig", "-nssdir", nssDb, pdf.toString()));
        return run(c);
    }

    /** Renders one page as PNG ({@code prefix}-N.png next to it) and returns its path. */
    public static Path png(Path pdf, int page, int dpi, Path prefix) {
        Run r =
                run(
                        List.of(
                                "pdftoppm",
                                "-png",
                                "-r",
                                String.valueOf(dpi),
                                "-f",
                                String.valueOf(page),
                                "-l",
                                String.valueOf(page),
                                "-singlefile",
                                pdf.toString(),
                                prefix.toString()));
        assertEquals(0, r.exit(), "pdftoppm: " + r.output());
        return prefix.resolveSibling(prefix.getFileName() + ".png");
    }
}
