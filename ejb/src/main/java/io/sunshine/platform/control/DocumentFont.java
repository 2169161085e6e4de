package io.sunshine.platform.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font of the platform's PDF documents, read from a TrueType font (.ttf) or the first
 * font of a TrueType collection (.ttc, such as Debian's {@code fonts-wqy-zenhei}), embedded in a
 * document <em>as a subset</em> (only the glyphs used, ~10 KB) so that its text is extractable and
 * searchable.
 *
 * <p>The file stays open until {@link #close()}: PDFBox writes the subset when the document is
 * saved, so save first, then close.
 *
 * <pre>{@code
 * try (DocumentFont f = DocumentFont.open(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
 *         PDDocument doc = new PDDocument()) {
 *     PDType0Font font = f.embedSubset(doc);
 *     // … draw f.printable(text) with font …
 *     doc.save(out);
 * }
 * }</pre>
 */
public final class DocumentFont implements Closeable {
    private final TrueTypeFont font;
    private final Closeable source;
    private final CmapLookup glyphs;

    private DocumentFont(TrueTypeFont font, Closeable source) throws IOException {
        this.font = font;
        this.source = source;
        this.glyphs = font.getUnicodeCmapLookup();
    }

    /**
     * Opens the font file.
     *
     * @throws IllegalStateException when the file is missing or unreadable, or a collection holds
     *     no font; the message says how to install the default font
     * @throws UncheckedIOException when the file is not a TrueType font or collection
     */
    public static DocumentFont open(Path fontFile) {
        if (fontFile == null || !Files.isReadable(fontFile)) {
            throw new IllegalStateException(
                    "The Chinese font for PDF documents is missing: "
                            + fontFile
                            + " (install the Debian package fonts-wqy-zenhei, or set"
                            + " sunshine.pdf.font to a TrueType font or collection)");
        }
        try {
            if (fontFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(fontFile.toFile());
                try {
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    // TrueTypeCollection.getFontAtIndex is private in PDFBox 3.0
                    collection.processAllFonts(
                            ttf -> {
                                if (first[0] == null) {
                                    first[0] = ttf;
                                }
                            });
                    if (first[0] == null) {
                        throw new IllegalStateException("No font in the collection " + fontFile);
                    }
                    return new DocumentFont(first[0], collection);
                } catch (IOException | RuntimeException e) {
                    collection.close();
                    throw e;
                }
            }
            TrueTypeFont ttf =
                    new TTFParser().parse(new RandomAccessReadBufferedFile(fontFile.toFile()));
            return new DocumentFont(ttf, ttf);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font " + fontFile, e);
        }
    }

    /** The font as a subset embedded in {@code doc} (one call per document). */
    public PDType0Font embedSubset(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, font, true);
    }

    /** Whether the font has a glyph for the code point. */
    public boolean canShow(int codePoint) {
        return glyphs.getGlyphId(codePoint) > 0;
    }

    /**
     * The text with what the font cannot show (control characters, missing glyphs) written as
     * {@code [U+XXXX]}, so that drawing never fails and nothing disappears silently.
     */
    public String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        cp -> {
                            if (cp == ' ' || (!Character.isISOControl(cp) && canShow(cp))) {
                                b.appendCodePoint(cp);
                            } else {
                                b.append(String.format(Locale.ROOT, "[U+%04X]", cp));
                            }
                        });
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
