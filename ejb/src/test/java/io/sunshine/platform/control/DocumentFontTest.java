package io.sunshine.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

/** The PDF documents' font: Debian's fonts-wqy-zenhei, which the test command installs. */
class DocumentFontTest {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    @Test
    void theFirstFontOfTheCollectionIsEmbeddedAsASubset() throws IOException {
        try (DocumentFont f = DocumentFont.open(FONT);
                PDDocument doc = new PDDocument()) {
            PDType0Font font = f.embedSubset(doc);
            assertTrue(font.willBeSubset());
            assertTrue(font.getName().contains("WenQuanYi"), font.getName());
            assertTrue(f.canShow('合'));
            assertTrue(f.canShow('A'));
        }
    }

    @Test
    void whatTheFontCannotShowIsWrittenAsItsCodePoint() {
        try (DocumentFont f = DocumentFont.open(FONT)) {
            assertEquals("合同 No.1", f.printable("合同 No.1"));
            assertEquals("a[U+0009]b", f.printable("a\tb"));
            assertEquals("[U+1F600]", f.printable("\uD83D\uDE00"));
            assertEquals("", f.printable(null));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aMissingFontSaysHowToInstallOne() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> DocumentFont.open(Path.of("/nonexistent/font.ttc")));
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), e.getMessage());
        assertTrue(e.getMessage().contains("sunshine.pdf.font"), e.getMessage());
    }

    @Test
    void aLeasedCopyIsOneDocumentsAtATimeAndComesBack() {
        DocumentFont first;
        try (DocumentFont.Lease a = DocumentFont.lease(FONT)) {
            first = a.font();
            if (Runtime.getRuntime().availableProcessors() > 1) {
                try (DocumentFont.Lease b = DocumentFont.lease(FONT)) {
                    assertNotSame(first, b.font(), "two documents at once, two copies");
                }
            }
        }
        try (DocumentFont.Lease again = DocumentFont.lease(FONT)) {
            assertNotNull(again.font());
            assertTrue(again.font().canShow('合'));
        }
    }

    @Test
    void theAdvanceIsTheWidthPdfboxEmbedsForTheCharacter() throws IOException {
        StringBuilder sample = new StringBuilder("合同编号：（）—，。、《》“”￥％第页共甲乙方盖章壹贰叁肆伍陆柒捌玖拾佰仟万亿元整");
        for (int cp = 0x20; cp < 0x7F; cp++) {
            sample.appendCodePoint(cp);
        }
        try (DocumentFont f = DocumentFont.open(FONT);
                PDDocument doc = new PDDocument()) {
            PDType0Font font = f.embedSubset(doc);
            sample.codePoints()
                    .forEach(
                            cp -> {
                                String c = new String(Character.toChars(cp));
                                try {
                                    assertEquals(font.getStringWidth(c), f.advance(cp), c);
                                } catch (IOException e) {
                                    throw new AssertionError(e);
                                }
                            });
            assertEquals(0f, f.advance(0x1F600), "a character the font cannot show");
        }
    }

    @Test
    void glyphsCutForADocumentAreEmbeddedWholeUnderASubsetName() throws IOException {
        BitSet drawn = new BitSet();
        "合同 No.1".codePoints().forEach(drawn::set);
        try (DocumentFont f = DocumentFont.open(FONT);
                PDDocument doc = new PDDocument()) {
            PDType0Font font = f.embedGlyphs(doc, drawn);
            assertFalse(font.willBeSubset(), "cut already: nothing left for the save");
            assertTrue(font.getName().matches("[A-Z]{6}\\+.*WenQuanYi.*"), font.getName());
            assertEquals(f.advance('合') + f.advance('N'), font.getStringWidth("合N"));
            assertEquals(4, font.encode("合同").length, "two glyphs, two bytes each");
            assertThrows(IllegalArgumentException.class, () -> font.encode("阳"), "not cut");
        }
    }
}
