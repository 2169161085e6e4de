package io.sunshine.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.Refusal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contract signed by the purchaser and then the supplier, each with a certificate of the platform
 * CA, checked by the platform's verifier and by poppler's {@code pdfsig} (with an NSS database that
 * trusts the platform root), then damaged in two ways. Needs Debian's poppler-utils, libnss3-tools
 * and fonts-wqy-zenhei, which the test command installs.
 */
class PadesSignerTest {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final Instant NOW = Instant.now();
    static final String PURCHASER = "临江市第一中学";
    static final String SUPPLIER = "临江华信科技有限公司";

    static CertificateAuthority ca;
    static CertificateAuthority.Issued purchaser;
    static CertificateAuthority.Issued supplier;
    static byte[] original;
    static byte[] once;
    static byte[] twice;

    @TempDir static Path dir;

    @BeforeAll
    static void signTwice() throws Exception {
        ca = CertificateAuthority.createRoot("阳光采购平台", NOW.minusSeconds(3600));
        purchaser = ca.issue(PURCHASER, "12320100466001234X", NOW.minusSeconds(3600));
        supplier = ca.issue(SUPPLIER, "91320100MA1WXY2345", NOW.minusSeconds(3600));
        original = contract();
        PadesSigner signer = new PadesSigner(FONT);
        once =
                signer.sign(
                        original,
                        purchaser.privateKey(),
                        List.of(purchaser.certificate(), ca.root()),
                        new PadesSigner.Request(
                                PURCHASER,
                                "合同签订（采购人）",
                                "阳光采购平台",
                                NOW.minusSeconds(60),
                                new StampPlacement(0, 60, 60, 150, 150)));
        twice =
                signer.sign(
                        once,
                        supplier.privateKey(),
                        List.of(supplier.certificate(), ca.root()),
                        new PadesSigner.Request(
                                SUPPLIER,
                                "合同签订（供应商）",
                                "阳光采购平台",
                                NOW,
                                new StampPlacement(0, 360, 60, 150, 150)));
        Files.write(dir.resolve("root.pem"), CertificateAuthority.toPem(ca.root()).getBytes());
        Files.createDirectories(dir.resolve("nss"));
        run("certutil", "-N", "--empty-password", "-d", "sql:" + dir.resolve("nss"));
        run(
                "certutil",
                "-A",
                "-d",
                "sql:" + dir.resolve("nss"),
                "-n",
                "sunshine-root",
                "-t",
                "CT,C,C",
                "-i",
                dir.resolve("root.pem").toString());
    }

    @Test
    void eachSignatureIsAnIncrementalUpdateThatKeepsTheEarlierBytes() {
        assertTrue(startsWith(once, original), "the first signature appends to the original");
        assertTrue(startsWith(twice, once), "the second signature appends to the first");
        assertTrue(new String(twice, StandardCharsets.ISO_8859_1).contains("ETSI.CAdES.detached"));
    }

    @Test
    void platformVerifierFindsBothValidTrustedAndUnmodified() {
        List<SignatureReport> r = PdfSignatureVerifier.verify(twice, List.of(ca.root()));
        assertEquals(2, r.size(), r.toString());
        SignatureReport first = r.get(0);
        SignatureReport second = r.get(1);
        assertTrue(first.signatureValid() && first.certificateTrusted(), first.toString());
        assertTrue(second.signatureValid() && second.certificateTrusted(), second.toString());
        assertFalse(first.coversWholeDocument(), "the supplier's update follows it");
        assertFalse(first.modifiedAfterSigning(), "a later signature is not a change: " + first);
        assertTrue(second.coversWholeDocument());
        assertFalse(second.modifiedAfterSigning());
        assertNull(first.problem());
        assertNull(second.problem());
        assertEquals(PURCHASER, first.signerName());
        assertEquals("12320100466001234X", first.signerCreditCode());
        assertEquals(SUPPLIER, second.signerName());
        assertEquals("91320100MA1WXY2345", second.signerCreditCode());
        assertEquals(
                supplier.certificate().getSerialNumber().toString(16).toUpperCase(),
                second.certificateSerial());
        assertEquals(NOW.getEpochSecond(), second.signingTime().getEpochSecond());
        assertNotEquals(first.fieldName(), second.fieldName());
    }

    @Test
    void signatureDictionaryIsPadesWithNameReasonLocationAndTime() throws IOException {
        try (PDDocument doc = Loader.loadPDF(twice)) {
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            assertEquals(2, sigs.size());
            PDSignature s = sigs.get(1);
            assertEquals("ETSI.CAdES.detached", s.getSubFilter());
            assertEquals(COSName.ADOBE_PPKLITE.getName(), s.getFilter());
            assertEquals(SUPPLIER, s.getName());
            assertEquals("合同签订（供应商）", s.getReason());
            assertEquals("阳光采购平台", s.getLocation());
            assertNotNull(s.getSignDate());
            assertEquals(2, doc.getPage(0).getAnnotations().size(), "two visible widgets");
        }
    }

    @Test
    void untrustedWithoutTheRoot() {
        CertificateAuthority other = CertificateAuthority.createRoot("别的平台", NOW);
        List<SignatureReport> r = PdfSignatureVerifier.verify(twice, List.of(other.root()));
        assertTrue(r.stream().allMatch(x -> x.signatureValid() && !x.certificateTrusted()));
        assertTrue(r.get(0).problem().contains("trusted"), r.get(0).problem());
    }

    @Test
    void pdfsigFindsBothValidAndTrusted() throws Exception {
        String out = pdfsig(twice, "both.pdf");
        assertEquals(2, count(out, "Signature is Valid"), out);
        assertEquals(2, count(out, "Certificate is Trusted"), out);
        assertTrue(out.contains("Signature Type: ETSI.CAdES.detached"), out);
    }

    @Test
    void appendedBytesAreAModification() throws Exception {
        byte[] tampered = concat(twice, "\n% appended after signing\n".getBytes());
        List<SignatureReport> r = PdfSignatureVerifier.verify(tampered, List.of(ca.root()));
        assertTrue(r.stream().allMatch(SignatureReport::modifiedAfterSigning), r.toString());
        assertTrue(r.stream().noneMatch(SignatureReport::coversWholeDocument));
        assertTrue(r.get(1).problem().contains("appended"), r.get(1).problem());
        String out = pdfsig(tampered, "appended.pdf");
        assertEquals(2, count(out, "Signature is Valid"), out);
        assertEquals(2, count(out, "Not total document signed"), out);
        assertEquals(0, count(out, "- Total document signed"), out);
    }

    @Test
    void changedContentStreamBreaksBothSignatures() throws Exception {
        byte[] tampered = twice.clone();
        int at = indexOf(tampered, "(Amount: 1234567.89 yuan)".getBytes(), 0);
        assertTrue(at > 0 && at < original.length);
        tampered[at + 9] = '9'; // 1234567.89 -> 9234567.89, same length
        List<SignatureReport> r = PdfSignatureVerifier.verify(tampered, List.of(ca.root()));
        assertEquals(2, r.size());
        for (SignatureReport x : r) {
            assertFalse(x.signatureValid(), x.toString());
            assertTrue(x.problem().contains("digest mismatch"), x.problem());
        }
        String out = pdfsig(tampered, "changed.pdf");
        assertEquals(2, count(out, "Digest Mismatch"), out);
        assertEquals(0, count(out, "Signature is Valid"), out);
    }

    @Test
    void aContentChangeInALaterUpdateIsReportedForTheEarlierSignature() throws IOException {
        byte[] changed;
        try (PDDocument doc = Loader.loadPDF(once)) {
            PDPage page = doc.getPage(0);
            try (PDPageContentStream cs =
                    new PDPageContentStream(
                            doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 600);
                cs.showText("Amount: 1.00 yuan");
                cs.endText();
            }
            page.getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.saveIncremental(out);
            changed = out.toByteArray();
        }
        SignatureReport r = PdfSignatureVerifier.verify(changed, List.of(ca.root())).get(0);
        assertTrue(r.signatureValid(), "the signed bytes themselves are intact");
        assertTrue(r.modifiedAfterSigning(), r.toString());
        assertTrue(r.problem().contains("a page"), r.problem());
    }

    @Test
    void stampOutsideThePageIsRefused() {
        PadesSigner signer = new PadesSigner(FONT);
        PadesSigner.Request far =
                new PadesSigner.Request(
                        SUPPLIER, "x", "y", NOW, new StampPlacement(0, 500, 60, 150, 150));
        Refusal e =
                assertThrows(
                        Refusal.class,
                        () ->
                                signer.sign(
                                        original,
                                        supplier.privateKey(),
                                        List.of(supplier.certificate()),
                                        far));
        assertEquals(ProblemCode.SIGNATURE_STAMP_OUTSIDE_PAGE, e.code());
        PadesSigner.Request page2 =
                new PadesSigner.Request(
                        SUPPLIER, "x", "y", NOW, new StampPlacement(1, 60, 60, 150, 150));
        assertEquals(
                ProblemCode.SIGNATURE_STAMP_OUTSIDE_PAGE,
                assertThrows(
                                Refusal.class,
                                () ->
                                        signer.sign(
                                                original,
                                                supplier.privateKey(),
                                                List.of(supplier.certificate()),
                                                page2))
                        .code());
    }

    @Test
    void notAPdfIsRefused() {
        assertEquals(
                ProblemCode.SIGNATURE_DOCUMENT_INVALID,
                assertThrows(
                                Refusal.class,
                                () -> PdfSignatureVerifier.verify("hello".getBytes(), List.of()))
                        .code());
        assertTrue(PdfSignatureVerifier.verify(original, List.of(ca.root())).isEmpty());
    }

    @Test
    void stampIsRenderedWithChineseText() throws Exception {
        Path pdf = dir.resolve("render.pdf");
        Files.write(pdf, twice);
        Path png = Path.of(System.getProperty("java.io.tmpdir"), "sunshine-signed-contract");
        run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf.toString(), png.toString());
        assertTrue(Files.size(Path.of(png + "-1.png")) > 1000);
        String fonts = run("pdffonts", pdf.toString());
        assertTrue(fonts.contains("WenQuanYi") || fonts.contains("wqy"), fonts);
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A one-page contract with an uncompressed content stream (so a test can change a digit). */
    static byte[] contract() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs =
                    new PDPageContentStream(
                            doc, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
                cs.newLineAtOffset(72, 760);
                cs.showText("Government procurement contract No. LJ-2025-0042");
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(0, -40);
                cs.showText("Amount: 1234567.89 yuan");
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static String pdfsig(byte[] pdf, String name) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, pdf);
        return run("pdfsig", "-nssdir", "sql:" + dir.resolve("nss"), f.toString());
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return out;
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static boolean startsWith(byte[] a, byte[] prefix) {
        return a.length > prefix.length && Arrays.equals(Arrays.copyOf(a, prefix.length), prefix);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void assertNotEquals(Object a, Object b) {
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
    }
}
