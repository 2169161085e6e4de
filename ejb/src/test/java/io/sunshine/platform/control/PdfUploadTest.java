package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PdfUploadTest {
    static final long LIMIT = 10L * 1024 * 1024;

    /** The smallest file that looks like a PDF to the rule: header, body, end marker. */
    static byte[] pdf(int bodyBytes) {
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + bodyBytes + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        Arrays.fill(out, head.length, head.length + bodyBytes, (byte) ' ');
        System.arraycopy(tail, 0, out, head.length + bodyBytes, tail.length);
        return out;
    }

    private static Refusal refused(String name, byte[] content) {
        return assertThrows(Refusal.class, () -> PdfUpload.check(name, content, LIMIT));
    }

    @Test
    void aSmallPdfWithAPlainNameIsAccepted() {
        assertEquals("营业执照（副本）.pdf", PdfUpload.check(" 营业执照（副本）.pdf ", pdf(100), LIMIT));
        assertEquals("LICENCE.PDF", PdfUpload.check("LICENCE.PDF", pdf(0), LIMIT));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertEquals(ProblemCode.DOCUMENT_EMPTY, refused("a.pdf", new byte[0]).code());
        assertEquals(ProblemCode.DOCUMENT_EMPTY, refused("a.pdf", null).code());
    }

    @Test
    void aFileAboveTheLimitIsRefusedWithTheLimitInMegabytes() {
        Refusal r = refused("big.pdf", pdf((int) LIMIT));
        assertEquals(ProblemCode.DOCUMENT_TOO_LARGE, r.code());
        assertEquals("file", r.field());
        String zh = ProblemMessages.message(r.code(), Locale.SIMPLIFIED_CHINESE, r.args());
        assertTrue(zh.contains("10 MB"), zh);
    }

    @Test
    void exactlyTheLimitIsStillAccepted() {
        byte[] exact = pdf((int) LIMIT - pdf(0).length);
        assertEquals(LIMIT, exact.length);
        assertEquals("x.pdf", PdfUpload.check("x.pdf", exact, LIMIT));
    }

    @Test
    void contentThatIsNotAPdfIsRefusedWhateverItsName() {
        Refusal png = refused("licence.pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertEquals(ProblemCode.DOCUMENT_NOT_PDF, png.code());
        String en = ProblemMessages.message(png.code(), Locale.ENGLISH, png.args());
        assertTrue(en.contains("%PDF-"), en);

        byte[] html = "<html>%PDF-1.4 %%EOF</html>".getBytes(StandardCharsets.US_ASCII);
        assertEquals(ProblemCode.DOCUMENT_NOT_PDF, refused("licence.pdf", html).code());
    }

    @Test
    void aTruncatedPdfWithoutItsEndMarkerIsRefused() {
        byte[] cut = Arrays.copyOf(pdf(2000), 1500);
        Refusal r = refused("licence.pdf", cut);
        assertEquals(ProblemCode.DOCUMENT_NOT_PDF, r.code());
        String zh = ProblemMessages.message(r.code(), Locale.SIMPLIFIED_CHINESE, r.args());
        assertTrue(zh.contains("%%EOF"), zh);
    }

    @Test
    void anEndMarkerFarFromTheEndDoesNotCount() {
        byte[] early = pdf(0);
        byte[] padded = Arrays.copyOf(early, early.length + 2000);
        Arrays.fill(padded, early.length, padded.length, (byte) 'x');
        assertEquals(ProblemCode.DOCUMENT_NOT_PDF, refused("a.pdf", padded).code());
    }

    @Test
    void aPdfUnderAnotherExtensionIsRefused() {
        Refusal r = refused("licence.exe", pdf(10));
        assertEquals(ProblemCode.DOCUMENT_NOT_PDF, r.code());
        assertTrue(ProblemMessages.message(r.code(), Locale.ENGLISH, r.args()).contains(".pdf"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../etc/passwd.pdf",
                "..\\boot.pdf",
                "dir/licence.pdf",
                "C:\\temp\\licence.pdf",
                "licence..pdf",
                "/licence.pdf"
            })
    void namesWithPathCharactersAreRefused(String name) {
        Refusal r = refused(name, pdf(10));
        assertEquals(ProblemCode.DOCUMENT_NAME_INVALID, r.code());
        String zh = ProblemMessages.message(r.code(), Locale.SIMPLIFIED_CHINESE, r.args());
        assertTrue(zh.contains("路径字符"), zh);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"lic\u0000ence.pdf", "lic\nence.pdf", "lic\u007fence.pdf", "a\u0085.pdf"})
    void namesWithControlCharactersAreRefused(String name) {
        assertEquals(ProblemCode.DOCUMENT_NAME_INVALID, refused(name, pdf(10)).code());
    }

    @Test
    void emptyAndOverlongNamesAreRefused() {
        assertEquals(ProblemCode.DOCUMENT_NAME_INVALID, refused("  ", pdf(10)).code());
        assertEquals(ProblemCode.DOCUMENT_NAME_INVALID, refused(null, pdf(10)).code());
        String longName = "资".repeat(PdfUpload.NAME_MAX - 3) + ".pdf";
        Refusal r = refused(longName, pdf(10));
        assertEquals(ProblemCode.DOCUMENT_NAME_INVALID, r.code());
        assertTrue(
                ProblemMessages.message(r.code(), Locale.ENGLISH, r.args()).contains("120"),
                "names the limit");
        String fits = "资".repeat(PdfUpload.NAME_MAX - 4) + ".pdf";
        assertEquals(fits, PdfUpload.check(fits, pdf(10), LIMIT));
    }
}
