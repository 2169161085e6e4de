package io.sunshine.platform.control;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
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
 *
 * <p>{@link #shared(Path)} gives the font parsed once for the whole process: opening wqy-zenhei
 * copies its 16 MB collection into memory and parses it, which cost more than drawing a whole
 * contract (the contract benchmark, {@code bench/contract/}). A shared font is used by many threads
 * at once; FontBox 3.0 reads a font's tables lazily and its glyph data under two different locks,
 * so a shared font has every table read before it is handed out, and only {@link #embedGlyphs} and
 * {@link #embedGlyphsOf} read its glyph data, under the font's lock: they cut the glyphs a document
 * draws into a small font of its own, embedded whole, so nothing is cut when the document is saved.
 * Measuring ({@link #advance}, {@link #canShow}) reads only tables in memory and takes no lock.
 * {@link #embedSubset} leaves the cut to PDFBox at save, reading the font file then: use it with a
 * font {@link #open}ed for the document, never with a shared one.
 *
 * <pre>{@code
 * DocumentFont f = DocumentFont.shared(fontFile);   // never closed: it lives as long as the process
 * try (PDDocument doc = new PDDocument()) {
 *     BitSet drawn = …;                               // every code point the document will draw
 *     PDType0Font font = f.embedGlyphs(doc, drawn);
 *     // … draw …
 *     doc.save(out);
 * }
 * }</pre>
 */
public final class DocumentFont implements Closeable {
    private static final ConcurrentMap<Path, DocumentFont> SHARED = new ConcurrentHashMap<>();

    private final TrueTypeFont font;
    private final Closeable source;
    private final CmapLookup glyphs;
    private final boolean shared;
    private final Object lock = new Object();

    /** The glyphs cut for a text ({@link #embedGlyphsOf}), kept: an organisation's seal repeats. */
    private final ConcurrentMap<String, byte[]> cuts = new ConcurrentHashMap<>();

    private static final int CUTS_KEPT = 256;

    private DocumentFont(TrueTypeFont font, Closeable source, boolean shared) throws IOException {
        this.font = font;
        this.source = source;
        this.shared = shared;
        if (shared) {
            readAllTables(font);
        }
        this.glyphs = font.getUnicodeCmapLookup();
    }

    /**
     * The font of {@code fontFile} shared by the whole process, parsed at its first use; {@link
     * #close()} does nothing to it. Fails as {@link #open(Path)} does (and is not remembered then).
     */
    public static DocumentFont shared(Path fontFile) {
        if (fontFile == null) {
            return open(null);
        }
        Path key = fontFile.toAbsolutePath().normalize();
        DocumentFont f = SHARED.get(key);
        return f != null ? f : SHARED.computeIfAbsent(key, k -> open(k, true));
    }

    /**
     * A font of {@code fontFile} for one document at a time, from a pool of up to one parsed copy
     * per processor: cutting a document's glyphs ({@link #embedGlyphs}, under the copy's lock) then
     * never waits for another thread's document. Give it back by closing the lease once the
     * document is drawn. A thread beyond the pool's size waits for a copy — the processors are busy
     * then anyway.
     *
     * <pre>{@code
     * try (DocumentFont.Lease lease = DocumentFont.lease(fontFile); PDDocument doc = new PDDocument()) {
     *     PDType0Font font = lease.font().embedGlyphs(doc, drawn);
     *     // … draw, save …
     * }
     * }</pre>
     */
    public static Lease lease(Path fontFile) {
        if (fontFile == null) {
            return new Lease(open(null), null);
        }
        Path key = fontFile.toAbsolutePath().normalize();
        Pool pool = POOLS.computeIfAbsent(key, k -> new Pool());
        DocumentFont f = pool.idle.poll();
        if (f == null) {
            int n = pool.created.incrementAndGet();
            if (n <= POOL_SIZE) {
                try {
                    // the first copy is the process's shared font: one processor, one copy
                    f = n == 1 ? shared(key) : open(key, true);
                } catch (RuntimeException e) {
                    pool.created.decrementAndGet();
                    throw e;
                }
            } else {
                pool.created.decrementAndGet();
                try {
                    f = pool.idle.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for a font", e);
                }
            }
        }
        return new Lease(f, pool);
    }

    /** A pooled font held for one document; {@link #close()} gives it back. */
    public static final class Lease implements Closeable {
        private final DocumentFont font;
        private final Pool pool;
        private boolean returned;

        private Lease(DocumentFont font, Pool pool) {
            this.font = font;
            this.pool = pool;
        }

        public DocumentFont font() {
            return font;
        }

        @Override
        public void close() {
            if (!returned && pool != null) {
                returned = true;
                pool.idle.add(font);
            }
        }
    }

    private static final int POOL_SIZE = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ConcurrentMap<Path, Pool> POOLS = new ConcurrentHashMap<>();

    private static final class Pool {
        final LinkedBlockingQueue<DocumentFont> idle = new LinkedBlockingQueue<>();
        final AtomicInteger created = new AtomicInteger();
    }

    /**
     * Reads every table PDFBox may use while drawing, so that threads sharing the font only read
     * what is in memory (FontBox would otherwise read a table at its first use, unsynchronised).
     */
    private static void readAllTables(TrueTypeFont f) throws IOException {
        f.getHeader();
        f.getHorizontalHeader();
        f.getMaximumProfile();
        f.getPostScript();
        f.getOS2Windows();
        f.getNaming();
        f.getCmap();
        f.getHorizontalMetrics();
        f.getIndexToLocation();
        f.getGlyph();
        f.getKerning();
        f.getGsub();
        f.getVerticalHeader();
        f.getVerticalMetrics();
        f.getVerticalOrigin();
        f.getNumberOfGlyphs();
        f.getUnitsPerEm();
        f.getName();
    }

    /**
     * Opens the font file.
     *
     * @throws IllegalStateException when the file is missing or unreadable, or a collection holds
     *     no font; the message says how to install the default font
     * @throws UncheckedIOException when the file is not a TrueType font or collection
     */
    public static DocumentFont open(Path fontFile) {
        return open(fontFile, false);
    }

    private static DocumentFont open(Path fontFile, boolean shared) {
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
                    return new DocumentFont(first[0], collection, shared);
                } catch (IOException | RuntimeException e) {
                    collection.close();
                    throw e;
                }
            }
            TrueTypeFont ttf =
                    new TTFParser().parse(new RandomAccessReadBufferedFile(fontFile.toFile()));
            return new DocumentFont(ttf, ttf, shared);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font " + fontFile, e);
        }
    }

    /**
     * The font as a subset embedded in {@code doc} (one call per document); PDFBox cuts the subset
     * from the font file when {@code doc} is saved, so only for a font {@link #open}ed for this
     * document, not a {@link #shared} one.
     */
    public PDType0Font embedSubset(PDDocument doc) throws IOException {
        // no lock: with subsetting, PDFBox reads only the tables in memory here
        return PDType0Font.load(doc, font, true);
    }

    /**
     * The glyphs of {@code text} only, cut from the font now and embedded in {@code doc} as a small
     * font of their own: for a short text known in advance (a signature's seal), where {@link
     * #embedSubset} would prepare PDFBox's subsetting for the whole font (the widths of its tens of
     * thousands of glyphs) to keep a few dozen. What the font cannot show is left out; draw {@link
     * #printable} text or check with the returned font. {@code doc} is saved as any document:
     * nothing is left to cut.
     */
    public PDType0Font embedGlyphsOf(PDDocument doc, String text) throws IOException {
        byte[] bytes = cuts.get(text);
        if (bytes == null) {
            bytes = cut(text.codePoints().toArray(), subsetTag(text));
            if (cuts.size() >= CUTS_KEPT) {
                cuts.clear();
            }
            cuts.put(text, bytes);
        }
        return embedWhole(doc, bytes);
    }

    /**
     * The glyphs of the code points in {@code drawn} (a set: {@link BitSet#set(int)} per code
     * point), cut from the font now and embedded in {@code doc} as a font of their own, not kept:
     * for a document laid out before it is drawn (the contract), which so skips what {@link
     * #embedSubset} costs for a font of tens of thousands of glyphs — the widths of them all when
     * embedding, and at save a code-to-glyph map as long as the highest glyph number used (~60 KB,
     * compressed). The glyphs are numbered anew in the cut font, so draw with the returned font
     * only the code points in {@code drawn}: PDFBox refuses any other ("No glyph for U+…"). What
     * the font cannot show is left out. {@code doc} is saved as any document: nothing is left to
     * cut.
     */
    public PDType0Font embedGlyphs(PDDocument doc, BitSet drawn) throws IOException {
        int[] codePoints = drawn.stream().toArray();
        return embedWhole(doc, cut(codePoints, subsetTag(Arrays.hashCode(codePoints))));
    }

    /** The font's glyphs for these code points, as a TrueType font of their own. */
    private byte[] cut(int[] codePoints, String tag) throws IOException {
        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        synchronized (lock) {
            // the only step that reads glyph data from the shared font file
            TTFSubsetter subsetter = new TTFSubsetter(font, GLYPHS_OF_TABLES);
            for (int cp : codePoints) {
                if (canShow(cp)) {
                    subsetter.add(cp);
                }
            }
            subsetter.setPrefix(tag);
            subsetter.writeToStream(cut);
        }
        return cut.toByteArray();
    }

    private static PDType0Font embedWhole(PDDocument doc, byte[] cut) throws IOException {
        TrueTypeFont glyphs = new TTFParser(true).parse(new RandomAccessReadBuffer(cut));
        // embedded whole: it is the subset already
        return PDType0Font.load(doc, glyphs, false);
    }

    /**
     * A character's advance in thousandths of the font size, as PDFBox writes it in an embedded
     * font's widths ({@code /W}, rounded to a whole number): so text measured here is laid out the
     * same whether the font is embedded by {@link #embedSubset} or {@link #embedGlyphs}. 0 for a
     * character the font cannot show.
     */
    public float advance(int codePoint) throws IOException {
        int gid = glyphs.getGlyphId(codePoint);
        if (gid <= 0) {
            return 0f;
        }
        float scaling = 1000f / font.getHeader().getUnitsPerEm();
        return Math.round(font.getHorizontalMetrics().getAdvanceWidth(gid) * scaling);
    }

    /**
     * What {@link #embedGlyphsOf} keeps: the tables PDF asks of an embedded TrueType font (those
     * PDFBox keeps in its subsets), and cmap, name, OS/2 and post, which PDFBox reads to embed the
     * small font (character codes, name, embedding permission).
     */
    private static final List<String> GLYPHS_OF_TABLES =
            List.of(
                    "head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp",
                    "cmap", "name", "OS/2", "post");

    /** The six capitals a subset font's name starts with (ISO 32000-1 §9.6.4), from a hash. */
    private static String subsetTag(String text) {
        return subsetTag(text.hashCode());
    }

    private static String subsetTag(int hash) {
        long h = Integer.toUnsignedLong(hash);
        StringBuilder tag = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + h % 26));
            h /= 26;
        }
        return tag.append('+').toString();
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
        if (allPrintable(text)) {
            return text; // the usual case, without copying
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

    private boolean allPrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp != ' ' && (Character.isISOControl(cp) || !canShow(cp))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Closes the font file; does nothing to a {@link #shared(Path)} font. */
    @Override
    public void close() throws IOException {
        if (!shared) {
            source.close();
        }
    }
}
