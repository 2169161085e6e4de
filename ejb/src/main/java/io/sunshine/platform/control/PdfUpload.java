package io.sunshine.platform.control;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The rules an uploaded document (a qualification such as 营业执照, a procurement document) must meet
 * before it is stored: a PDF by its content, not only its name — it starts with {@code %PDF-} and
 * ends (within the last 1024 bytes, ISO 32000-1 §7.5.5) with {@code %%EOF} — no larger than the
 * platform's limit, not empty, and a file name that is a plain name: no path characters ({@code / \
 * ..}), no control characters, at most {@value #NAME_MAX} characters, ending in {@code .pdf}.
 *
 * <pre>{@code
 * String name = PdfUpload.check("营业执照.pdf", bytes, 10 * 1024 * 1024);
 * }</pre>
 */
public final class PdfUpload {
    public static final int NAME_MAX = 120;
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = 1024;

    private PdfUpload() {}

    /**
     * The file name, trimmed, when the file may be stored; else a refusal: DOCUMENT_NAME_INVALID,
     * DOCUMENT_EMPTY, DOCUMENT_TOO_LARGE or DOCUMENT_NOT_PDF, each saying why.
     */
    public static String check(String fileName, byte[] content, long maxBytes) {
        String name = checkName(fileName);
        if (content == null || content.length == 0) {
            throw new Refusal(ProblemCode.DOCUMENT_EMPTY, "file");
        }
        if (content.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            throw notPdf("EXTENSION");
        }
        if (!startsWith(content, HEADER)) {
            throw notPdf("HEADER");
        }
        if (!endsWithEof(content)) {
            throw notPdf("TRAILER");
        }
        return name;
    }

    /** The refusal of a file larger than {@code maxBytes}, stated in whole megabytes. */
    public static Refusal tooLarge(long maxBytes) {
        return new Refusal(
                ProblemCode.DOCUMENT_TOO_LARGE,
                "file",
                String.valueOf(Math.max(1, maxBytes / (1024 * 1024))));
    }

    /** A plain file name as the uploader's system gave it, trimmed; never a path. */
    public static String checkName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty()) {
            throw nameRefusal("EMPTY");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                throw nameRefusal("CONTROL");
            }
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw nameRefusal("PATH");
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            throw nameRefusal("TOO_LONG", NAME_MAX);
        }
        return name;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWithEof(byte[] content) {
        int from = Math.max(HEADER.length, content.length - TAIL);
        outer:
        for (int i = content.length - END.length; i >= from; i--) {
            for (int j = 0; j < END.length; j++) {
                if (content[i + j] != END[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static Refusal notPdf(String reason) {
        return new Refusal(
                ProblemCode.DOCUMENT_NOT_PDF, "file", new Localized("reason.pdf." + reason));
    }

    private static Refusal nameRefusal(String reason, Object... args) {
        return new Refusal(
                ProblemCode.DOCUMENT_NAME_INVALID,
                "file",
                new Localized("reason.fileName." + reason, args));
    }
}
