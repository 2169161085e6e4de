package io.sunshine.procurement.contract.control;

import io.sunshine.platform.control.ChineseCapitalAmount;
import io.sunshine.platform.control.DocumentFont;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The contract PDF (政府采购合同) drafted from an award: A4, Chinese text in an embedded subset of the
 * platform's font (extractable and searchable), the contract's facts and both parties, the
 * template's preamble and numbered clauses with the terms filled in, the items table (continued
 * over pages with its header repeated), the total in figures and in capitals, the payment schedule
 * with each milestone's amount, the performance bond, and the signature block with two empty 150 ×
 * 150 pt areas (甲方（盖章）, 乙方（盖章）) where the signers' visible stamps go. Every page carries the
 * contract number and 第 x 页 共 y 页.
 *
 * <pre>{@code
 * ContractDocument.Rendered r = ContractDocument.render(content, ContractTemplate.load(method),
 *         Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
 * store(r.pdf(), r.sha256());  // then sign into r.purchaserBox() and r.supplierBox()
 * }</pre>
 *
 * <p>The output is <b>deterministic</b>: the same content and template render to the same bytes
 * (the creation date is the content's drafting time, the file identifier is derived from the
 * content), so a draft can be re-rendered and compared with the stored one. It is a plain PDF that
 * a signer can extend by incremental updates: no encryption, no object or cross-reference streams.
 * It also carries what PDF/A-2b asks for (XMP metadata matching the document information, an sRGB
 * output intent from the JDK's own profile, every font embedded); it has not been checked by a
 * PDF/A validator here.
 */
public final class ContractDocument {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String PRODUCER = "Sunshine Procurement";
    public static final String CREATOR = "阳光采购平台 Sunshine Procurement";

    /** The side of each square stamp area, in points (about 53 mm: a 40–45 mm seal with margin). */
    public static final float STAMP_SIZE = 150f;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

    /** The JDK's sRGB profile, read once (each read goes through the native colour engine). */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private static final DateTimeFormatter XMP_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private ContractDocument() {}

    /**
     * The rendered contract.
     *
     * @param purchaserBox the empty area of 甲方（盖章） on the last page
     * @param supplierBox the empty area of 乙方（盖章） on the last page
     * @param sha256 of {@code pdf}, lower-case hex
     */
    public record Rendered(
            byte[] pdf, SignatureBox purchaserBox, SignatureBox supplierBox, String sha256) {
        public Rendered {
            pdf = pdf.clone();
        }

        @Override
        public byte[] pdf() {
            return pdf.clone();
        }

        /** The number of bytes, without copying them. */
        public int size() {
            return pdf.length;
        }
    }

    /**
     * Renders the contract with the font at {@code fontFile} (.ttc: its first font; or .ttf).
     *
     * @throws IllegalArgumentException when the template is for another method than the content
     * @throws IllegalStateException when the font is missing
     */
    public static Rendered render(
            ContractContent content, ContractTemplate template, Path fontFile) {
        if (content.method() != template.method()) {
            throw new IllegalArgumentException(
                    "The template is for "
                            + template.method()
                            + ", the contract for "
                            + content.method());
        }
        // parsed once per copy, a copy per processor: opening the collection cost more than the
        // whole rendering, and cutting the glyphs for a contract holds its copy's lock
        try (DocumentFont.Lease lease = DocumentFont.lease(fontFile)) {
            return render(content, template, lease.font());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render contract " + content.contractNumber(), e);
        }
    }

    private static Rendered render(ContractContent c, ContractTemplate t, DocumentFont documentFont)
            throws IOException {
        Map<String, String> values = values(c, t);
        Map<Integer, Float> widths = new HashMap<>();
        // first the layout alone, which learns every character the contract draws; then the
        // drawing, with the font cut to those characters: PDFBox's own subsetting would first take
        // the widths of all the font's glyphs and at save write a map as long as the highest glyph
        // number used (the contract benchmark: together more than half of the rendering)
        BitSet drawn = new BitSet();
        try (PDDocument layout = new PDDocument()) {
            draw(new Sheet(layout, null, documentFont, widths, drawn), c, t, values);
        }
        try (PDDocument doc = new PDDocument()) {
            doc.setVersion(1.7f);
            PDType0Font font = documentFont.embedGlyphs(doc, drawn);
            SignatureBox[] boxes =
                    draw(new Sheet(doc, font, documentFont, widths, null), c, t, values);
            describe(doc, c, t);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // no object streams: a signer appends incremental updates to a classic cross-reference;
            // nothing is subset at save (the font is cut already), so no lock on the font either
            doc.save(out, CompressParameters.NO_COMPRESSION);
            byte[] pdf = out.toByteArray();
            return new Rendered(pdf, boxes[0], boxes[1], HexFormat.of().formatHex(sha256(pdf)));
        }
    }

    /** The pages of the contract on the sheet; the signature boxes. */
    private static SignatureBox[] draw(
            Sheet s, ContractContent c, ContractTemplate t, Map<String, String> values)
            throws IOException {
        s.newPage();
        SignatureBox[] boxes = body(s, c, t, values);
        s.finish();
        s.decorate(t.title(), "合同编号：" + c.contractNumber());
        return boxes;
    }

    /** The values of the template's placeholders for this contract. */
    static Map<String, String> values(ContractContent c, ContractTemplate t) {
        ContractTerms terms = c.terms();
        Map<String, String> v = new HashMap<>();
        v.put("contractNumber", c.contractNumber());
        v.put("contractTitle", c.title());
        v.put("projectCode", c.projectCode());
        v.put("projectTitle", c.projectTitle());
        v.put("lotNo", String.valueOf(c.lotNo()));
        v.put("lotTitle", c.lotTitle());
        v.put(
                "lot",
                "第" + c.lotNo() + "包" + (c.lotTitle().isBlank() ? "" : "“" + c.lotTitle() + "”"));
        v.put("method", t.methodLabel());
        v.put("awardNotice", t.awardNotice());
        v.put("awardDate", DATE.format(c.awardNoticeDate()));
        v.put("purchaser", c.purchaser().name());
        v.put("supplier", c.supplier().name());
        v.put("total", yuan(c.total()));
        v.put("totalCapitals", ChineseCapitalAmount.of(c.total()));
        v.put("deliveryPlace", terms.deliveryPlace());
        v.put("deliveryPeriod", terms.deliveryPeriod());
        v.put("acceptance", terms.acceptance());
        v.put("warranty", terms.warranty());
        v.put("milestoneCount", String.valueOf(terms.milestones().size()));
        v.put("bondPercent", percent(terms.bondPercent()));
        BigDecimal bond = terms.bondAmount(c.total());
        v.put("bondAmount", yuan(bond));
        v.put("bondCapitals", ChineseCapitalAmount.of(bond));
        v.put("dispute", terms.dispute() == DisputeResolution.ARBITRATION ? "仲裁" : "诉讼");
        v.put("disputeBody", terms.disputeBody());
        v.put("otherTerms", terms.otherTerms().isEmpty() ? t.noOtherTerms() : terms.otherTerms());
        v.put("draftedOn", DATE.format(c.draftedAt().atZone(SHANGHAI)));
        v.put("version", String.valueOf(c.version()));
        // the clauses made of clauses: filled first, then filled in as values (not re-scanned)
        v.put("bondClause", ContractTemplate.fill(t.bondClause(bond.signum() == 0), v));
        v.put("disputeClause", ContractTemplate.fill(t.disputeClause(terms.dispute()), v));
        return v;
    }

    private static SignatureBox[] body(
            Sheet s, ContractContent c, ContractTemplate t, Map<String, String> values)
            throws IOException {
        s.title(ContractTemplate.fill(t.title(), values));
        s.gap(10);
        s.facts(c, t);
        s.gap(12);
        s.parties(c.purchaser(), c.supplier());
        s.gap(14);
        for (String p : ContractTemplate.paragraphs(ContractTemplate.fill(t.preamble(), values))) {
            s.paragraph(p);
        }
        for (ContractTemplate.Clause clause : t.clauses()) {
            s.clauseHeading(
                    "第" + ContractTemplate.chineseNumber(clause.number()) + "条", clause.heading());
            for (String p : clause.paragraphs()) {
                if (p.equals(ContractTemplate.ITEMS)) {
                    s.items(c.items(), c.total());
                } else if (p.equals(ContractTemplate.MILESTONES)) {
                    s.milestones(c.terms(), c.total());
                } else {
                    // a term typed with line breaks becomes several paragraphs
                    for (String part :
                            ContractTemplate.paragraphs(ContractTemplate.fill(p, values))) {
                        s.paragraph(part);
                    }
                }
            }
        }
        s.gap(10);
        s.centred(t.closing(), Sheet.BODY, false);
        return s.signatures(c.purchaser(), c.supplier(), t.signatureNote());
    }

    /**
     * Document information, XMP metadata (PDF/A-2b), output intent, language and file identifier.
     */
    private static void describe(PDDocument doc, ContractContent c, ContractTemplate t)
            throws IOException {
        ZonedDateTime drafted = c.draftedAt().truncatedTo(ChronoUnit.SECONDS).atZone(SHANGHAI);
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(SHANGHAI), Locale.ROOT);
        created.setTimeInMillis(drafted.toInstant().toEpochMilli());
        String title = t.title() + " " + c.contractNumber();
        String subject =
                c.title()
                        + "（项目编号 "
                        + c.projectCode()
                        + "，第 "
                        + c.lotNo()
                        + " 包，第 "
                        + c.version()
                        + " 版）";
        String keywords = "合同编号 " + c.contractNumber() + "; 项目编号 " + c.projectCode() + "; 政府采购合同";

        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setKeywords(keywords);
        info.setCreator(CREATOR);
        info.setProducer(PRODUCER);
        info.setCreationDate(created);
        info.setModificationDate(created);

        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setLanguage("zh-CN");
        String date = XMP_DATE.format(drafted);
        String xmp =
                "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                        + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                        + "<rdf:Description rdf:about=\"\""
                        + " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                        + "<pdfaid:part>2</pdfaid:part>\n"
                        + "<pdfaid:conformance>B</pdfaid:conformance>\n"
                        + "</rdf:Description>\n"
                        + "<rdf:Description rdf:about=\"\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                        + "<dc:format>application/pdf</dc:format>\n"
                        + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                        + xml(title)
                        + "</rdf:li></rdf:Alt></dc:title>\n"
                        + "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                        + xml(subject)
                        + "</rdf:li></rdf:Alt></dc:description>\n"
                        + "<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>\n"
                        + "</rdf:Description>\n"
                        + "<rdf:Description rdf:about=\"\""
                        + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                        + "<xmp:CreatorTool>"
                        + xml(CREATOR)
                        + "</xmp:CreatorTool>\n"
                        + "<xmp:CreateDate>"
                        + date
                        + "</xmp:CreateDate>\n"
                        + "<xmp:ModifyDate>"
                        + date
                        + "</xmp:ModifyDate>\n"
                        + "<xmp:MetadataDate>"
                        + date
                        + "</xmp:MetadataDate>\n"
                        + "</rdf:Description>\n"
                        + "<rdf:Description rdf:about=\"\""
                        + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                        + "<pdf:Producer>"
                        + xml(PRODUCER)
                        + "</pdf:Producer>\n"
                        + "<pdf:Keywords>"
                        + xml(keywords)
                        + "</pdf:Keywords>\n"
                        + "</rdf:Description>\n"
                        + "</rdf:RDF>\n"
                        + "</x:xmpmeta>\n"
                        + "<?xpacket end=\"w\"?>";
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);

        // the JDK's own sRGB profile: no file to ship, the same bytes on every run of a JDK
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        // a fixed file identifier, derived from the content: PDFBox would otherwise draw one from
        // the clock, and the same contract would never render to the same bytes
        byte[] id =
                Arrays.copyOf(
                        sha256((c.toString() + "\n" + t.source()).getBytes(StandardCharsets.UTF_8)),
                        16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 1234567.8 → 1,234,567.80 */
    static String yuan(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(amount);
    }

    /** A unit price: 2 or 4 decimals as allocated, with thousands separators. */
    static String unitPrice(BigDecimal price) {
        String pattern = price.scale() > 2 ? "#,##0.0000" : "#,##0.00";
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(price);
    }

    /** 5.00 → 5, 7.50 → 7.5 */
    static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString();
    }

    /** 3 → 3, 2.50 → 2.5 */
    static String quantity(BigDecimal q) {
        return q.stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------------------------------------

    /** A page-by-page writer: a cursor that moves down and opens a new page when it must. */
    private static final class Sheet {
        static final PDRectangle SIZE = PDRectangle.A4;
        static final float LEFT = 62f;
        static final float RIGHT = SIZE.getWidth() - 62f;
        static final float WIDTH = RIGHT - LEFT;
        static final float TOP = SIZE.getHeight() - 70f;
        static final float BOTTOM = 62f;

        /** 五号: the size of Chinese official body text. */
        static final float BODY = 10.5f;

        static final float LEAD = BODY * 1.75f;
        static final float TABLE = 9f;
        static final float TABLE_LEAD = TABLE * 1.45f;
        static final float PAD = 4f;
        static final Color INK = new Color(0x1A, 0x1A, 0x1A);
        static final Color GREY = new Color(0x59, 0x59, 0x59);
        static final Color BORDER = new Color(0x40, 0x40, 0x40);
        static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
        static final String NO_LINE_START = "，。、；：？！）》」』】〕”’…%·,.;:!?)]}";
        static final String NO_LINE_END = "（《「『【〔“‘([{";

        enum Align {
            LEFT,
            CENTRE,
            RIGHT
        }

        record Cell(String text, int span, Align align, boolean bold) {
            static Cell of(String text) {
                return new Cell(text, 1, Align.LEFT, false);
            }

            static Cell centred(String text) {
                return new Cell(text, 1, Align.CENTRE, false);
            }

            static Cell right(String text) {
                return new Cell(text, 1, Align.RIGHT, false);
            }
        }

        private final PDDocument doc;

        /** Null while laying out: {@link #write} then only notes the characters. */
        private final PDType0Font font;

        private final DocumentFont glyphs;
        private final Map<Integer, Float> widths;

        /** The characters drawn, noted while laying out; null while drawing. */
        private final BitSet drawn;

        private PDPageContentStream cs;
        private float y;

        /** The table being drawn, whose header a new page repeats. */
        private float[] tableColumns;

        private List<Cell> tableHeader;

        /**
         * A sheet that draws with {@code font}, or, when {@code font} is null, only lays out and
         * notes in {@code drawn} the characters it would draw. Both measure with {@code glyphs}, so
         * the layout is the same.
         */
        Sheet(
                PDDocument doc,
                PDType0Font font,
                DocumentFont glyphs,
                Map<Integer, Float> widths,
                BitSet drawn) {
            this.doc = doc;
            this.font = font;
            this.glyphs = glyphs;
            this.widths = widths;
            this.drawn = drawn;
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(SIZE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
            if (tableHeader != null) {
                row(tableColumns, tableHeader, true);
            }
        }

        void finish() throws IOException {
            cs.close();
            cs = null;
        }

        /** The title and contract number at the top, 第 x 页 共 y 页 at the foot of every page. */
        void decorate(String left, String right) throws IOException {
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream c =
                        new PDPageContentStream(
                                doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    float top = SIZE.getHeight() - 44f;
                    write(c, LEFT, top, 9f, left, GREY, false);
                    write(c, RIGHT - width(right, 9f), top, 9f, right, GREY, false);
                    rule(c, LEFT, top - 6f, RIGHT, top - 6f, GREY, 0.5f);
                    spaced(
                            c,
                            36f,
                            9f,
                            "第",
                            String.valueOf(i + 1),
                            "页",
                            "共",
                            String.valueOf(n),
                            "页");
                }
            }
        }

        /**
         * Words centred on a line, half an em apart, each drawn on its own: text extraction then
         * sees the gaps and returns "第 1 页 共 7 页". (Poppler's pdftotext drops a font's narrow space
         * between Chinese characters and would return "第1页共7页".)
         */
        private void spaced(PDPageContentStream c, float at, float size, String... words)
                throws IOException {
            float gap = size / 2;
            float total = gap * (words.length - 1);
            for (String w : words) {
                total += width(w, size);
            }
            float x = (LEFT + RIGHT - total) / 2;
            for (String w : words) {
                write(c, x, at, size, w, GREY, false);
                x += width(w, size) + gap;
            }
        }

        void gap(float h) {
            y -= h;
        }

        void ensure(float h) throws IOException {
            if (y - h < BOTTOM) {
                newPage();
            }
        }

        void title(String text) throws IOException {
            float size = 22f;
            y -= size + 4f;
            write(cs, (LEFT + RIGHT - width(text, size)) / 2, y, size, text, INK, true);
            y -= 10f;
        }

        void centred(String text, float size, boolean bold) throws IOException {
            ensure(size * 2);
            y -= size * 1.6f;
            write(cs, (LEFT + RIGHT - width(text, size)) / 2, y, size, text, INK, bold);
        }

        /** The contract's facts: name, number, project, lot, method, award notice, version. */
        void facts(ContractContent c, ContractTemplate t) throws IOException {
            // the second label column holds 中标（成交）通知书日期 on one line
            float label = 84f;
            float label2 = 112f;
            float value = (WIDTH - label - label2) / 2;
            float[] cols = {label, value, label2, value};
            List<List<Cell>> rows =
                    List.of(
                            List.of(labelCell("合同名称"), new Cell(c.title(), 3, Align.LEFT, false)),
                            List.of(
                                    labelCell("合同编号"),
                                    Cell.of(c.contractNumber()),
                                    labelCell("合同版本"),
                                    Cell.of(
                                            "第 "
                                                    + c.version()
                                                    + " 版（"
                                                    + DATE.format(c.draftedAt().atZone(SHANGHAI))
                                                    + "起草）")),
                            List.of(
                                    labelCell("项目名称"),
                                    new Cell(c.projectTitle(), 3, Align.LEFT, false)),
                            List.of(
                                    labelCell("项目编号"),
                                    Cell.of(c.projectCode()),
                                    labelCell("标包"),
                                    Cell.of(
                                            "第 "
                                                    + c.lotNo()
                                                    + " 包"
                                                    + (c.lotTitle().isBlank()
                                                            ? ""
                                                            : "　" + c.lotTitle()))),
                            List.of(
                                    labelCell("采购方式"),
                                    Cell.of(t.methodLabel()),
                                    labelCell(t.awardNotice() + "日期"),
                                    Cell.of(DATE.format(c.awardNoticeDate()))));
            table(cols, null, rows);
        }

        /** Both parties side by side: 甲方（采购人） and 乙方（供应商）. */
        void parties(Party purchaser, Party supplier) throws IOException {
            float label = 96f;
            float each = (WIDTH - label) / 2;
            float[] cols = {label, each, each};
            List<Cell> header =
                    List.of(
                            new Cell("合同当事人", 1, Align.CENTRE, true),
                            new Cell("甲方（采购人）", 1, Align.CENTRE, true),
                            new Cell("乙方（供应商）", 1, Align.CENTRE, true));
            List<List<Cell>> rows = new ArrayList<>();
            rows.add(partyRow("名称", purchaser.name(), supplier.name()));
            rows.add(partyRow("统一社会信用代码", purchaser.creditCode(), supplier.creditCode()));
            rows.add(partyRow("住所", purchaser.address(), supplier.address()));
            if (present(purchaser.contact()) || present(supplier.contact())) {
                rows.add(partyRow("联系人", purchaser.contact(), supplier.contact()));
            }
            if (present(purchaser.phone()) || present(supplier.phone())) {
                rows.add(partyRow("联系电话", purchaser.phone(), supplier.phone()));
            }
            rows.add(partyRow("开户银行", purchaser.bankName(), supplier.bankName()));
            rows.add(partyRow("账户名称", purchaser.bankAccountName(), supplier.bankAccountName()));
            rows.add(partyRow("银行账号", purchaser.bankAccountNumber(), supplier.bankAccountNumber()));
            table(cols, header, rows);
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }

        private static List<Cell> partyRow(String label, String purchaser, String supplier) {
            return List.of(
                    labelCell(label),
                    Cell.of(present(purchaser) ? purchaser : "—"),
                    Cell.of(present(supplier) ? supplier : "—"));
        }

        private static Cell labelCell(String label) {
            return new Cell(label, 1, Align.CENTRE, false);
        }

        /** 序号, 名称, 规格型号, 单位, 数量, 单价, 金额, then 合计 with the total in capitals. */
        void items(List<ContractItem> items, BigDecimal total) throws IOException {
            float[] cols = {30f, 96f, 0f, 34f, 48f, 70f, 76f};
            cols[2] = WIDTH - sum(cols);
            List<Cell> header =
                    List.of(
                            headerCell("序号"),
                            headerCell("名称"),
                            headerCell("规格型号"),
                            headerCell("单位"),
                            headerCell("数量"),
                            headerCell("单价（元）"),
                            headerCell("金额（元）"));
            List<List<Cell>> rows = new ArrayList<>();
            for (ContractItem i : items) {
                rows.add(
                        List.of(
                                Cell.centred(String.valueOf(i.lineNo())),
                                Cell.of(i.name()),
                                Cell.of(present(i.specification()) ? i.specification() : "—"),
                                Cell.centred(present(i.unit()) ? i.unit() : "—"),
                                Cell.right(quantity(i.quantity())),
                                Cell.right(unitPrice(i.unitPrice())),
                                Cell.right(yuan(i.amount()))));
            }
            rows.add(
                    List.of(
                            new Cell("合计", 2, Align.CENTRE, true),
                            new Cell("大写：" + ChineseCapitalAmount.of(total), 4, Align.LEFT, true),
                            new Cell(yuan(total), 1, Align.RIGHT, true)));
            y -= 2f;
            table(cols, header, rows);
            y -= 6f;
        }

        /** 期次, 款项, 比例, 金额, 支付条件: the amounts add up to the total. */
        void milestones(ContractTerms terms, BigDecimal total) throws IOException {
            float[] cols = {36f, 84f, 52f, 86f, 0f};
            cols[4] = WIDTH - sum(cols);
            List<Cell> header =
                    List.of(
                            headerCell("期次"),
                            headerCell("款项"),
                            headerCell("比例"),
                            headerCell("金额（元）"),
                            headerCell("支付条件"));
            List<BigDecimal> amounts = terms.milestoneAmounts(total);
            List<List<Cell>> rows = new ArrayList<>();
            for (int i = 0; i < terms.milestones().size(); i++) {
                Milestone m = terms.milestones().get(i);
                rows.add(
                        List.of(
                                Cell.centred("第" + ContractTemplate.chineseNumber(i + 1) + "期"),
                                Cell.of(m.name()),
                                Cell.right(percent(m.percent()) + "%"),
                                Cell.right(yuan(amounts.get(i))),
                                Cell.of(m.condition())));
            }
            rows.add(
                    List.of(
                            new Cell("合计", 2, Align.CENTRE, true),
                            new Cell("100%", 1, Align.RIGHT, true),
                            new Cell(yuan(total), 1, Align.RIGHT, true),
                            new Cell("", 1, Align.LEFT, false)));
            y -= 2f;
            table(cols, header, rows);
            y -= 6f;
        }

        private static Cell headerCell(String text) {
            return new Cell(text, 1, Align.CENTRE, true);
        }

        private static float sum(float[] values) {
            float s = 0;
            for (float v : values) {
                s += v;
            }
            return s;
        }

        /** A bordered table; a header row is repeated at the top of every page it continues on. */
        void table(float[] cols, List<Cell> header, List<List<Cell>> rows) throws IOException {
            float first = rowHeight(cols, rows.get(0));
            float head = header == null ? 0 : rowHeight(cols, header);
            ensure(head + Math.min(first, 4 * TABLE_LEAD + 2 * PAD));
            if (header != null) {
                row(cols, header, true);
                tableColumns = cols;
                tableHeader = header;
            }
            for (List<Cell> r : rows) {
                row(cols, r, false);
            }
            tableColumns = null;
            tableHeader = null;
        }

        private float rowHeight(float[] cols, List<Cell> cells) throws IOException {
            int lines = 1;
            int col = 0;
            for (Cell cell : cells) {
                float w = spanWidth(cols, col, cell.span());
                lines = Math.max(lines, wrap(cell.text(), TABLE, w - 2 * PAD).size());
                col += cell.span();
            }
            return lines * TABLE_LEAD + 2 * PAD;
        }

        private static float spanWidth(float[] cols, int from, int span) {
            float w = 0;
            for (int i = from; i < from + span; i++) {
                w += cols[i];
            }
            return w;
        }

        /**
         * One row: moved whole to the next page when it does not fit here but would there, split
         * between pages (line by line) only when it is taller than a page.
         */
        private void row(float[] cols, List<Cell> cells, boolean header) throws IOException {
            List<List<String>> lines = new ArrayList<>();
            int col = 0;
            int n = 1;
            for (Cell cell : cells) {
                List<String> l =
                        wrap(cell.text(), TABLE, spanWidth(cols, col, cell.span()) - 2 * PAD);
                lines.add(l);
                n = Math.max(n, l.size());
                col += cell.span();
            }
            float headHeight =
                    tableHeader == null || header ? 0 : rowHeight(tableColumns, tableHeader);
            int fullPage = (int) ((TOP - BOTTOM - headHeight - 2 * PAD) / TABLE_LEAD);
            int done = 0;
            while (done < n) {
                int remaining = n - done;
                int room = (int) Math.floor((y - BOTTOM - 2 * PAD) / TABLE_LEAD);
                if (remaining > room && (remaining <= fullPage || room < 1)) {
                    newPage();
                    continue;
                }
                int take = Math.min(remaining, room);
                float h = take * TABLE_LEAD + 2 * PAD;
                float top = y;
                float x = LEFT;
                col = 0;
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = cells.get(c);
                    float w = spanWidth(cols, col, cell.span());
                    if (header) {
                        cs.setNonStrokingColor(SHADE);
                        cs.addRect(x, top - h, w, h);
                        cs.fill();
                    }
                    List<String> mine = lines.get(c);
                    // a cell of fewer lines sits in the middle of its row, when the row is whole
                    float offset = take == n ? (n - mine.size()) * TABLE_LEAD / 2 : 0f;
                    for (int k = done; k < Math.min(mine.size(), done + take); k++) {
                        String text = mine.get(k);
                        float tw = width(text, TABLE);
                        float tx =
                                switch (cell.align()) {
                                    case LEFT -> x + PAD;
                                    case CENTRE -> x + (w - tw) / 2;
                                    case RIGHT -> x + w - PAD - tw;
                                };
                        float baseline =
                                top
                                        - PAD
                                        - offset
                                        - (k - done) * TABLE_LEAD
                                        - TABLE_LEAD / 2
                                        - TABLE * 0.35f;
                        write(cs, tx, baseline, TABLE, text, INK, cell.bold());
                    }
                    cs.setStrokingColor(BORDER);
                    cs.setLineWidth(0.6f);
                    cs.addRect(x, top - h, w, h);
                    cs.stroke();
                    x += w;
                    col += cell.span();
                }
                y = top - h;
                done += take;
            }
        }

        void clauseHeading(String number, String heading) throws IOException {
            float size = 11.5f;
            // keep the heading with at least two lines of its text
            ensure(size * 1.9f + 2 * LEAD);
            y -= size * 1.9f;
            write(cs, LEFT, y, size, number + "　" + heading, INK, true);
            y -= 4f;
        }

        /** A paragraph: first line indented by two characters, lines justified. */
        void paragraph(String text) throws IOException {
            float indent = 2 * BODY;
            List<String> lines = wrap(text, BODY, WIDTH - indent, WIDTH);
            for (int i = 0; i < lines.size(); i++) {
                ensure(LEAD);
                y -= LEAD;
                float x = i == 0 ? LEFT + indent : LEFT;
                float max = i == 0 ? WIDTH - indent : WIDTH;
                String line = lines.get(i);
                float spacing = 0f;
                if (i < lines.size() - 1) {
                    int count = line.codePointCount(0, line.length());
                    float slack = max - width(line, BODY);
                    if (count > 1 && slack > 0 && slack / (count - 1) <= 1.5f) {
                        spacing = slack / (count - 1);
                    }
                }
                write(cs, x, y, BODY, line, INK, false, spacing);
            }
            y -= 3f;
        }

        /**
         * The signature block on the last page: 甲方（盖章） and 乙方（盖章） side by side, each over an empty
         * {@link ContractDocument#STAMP_SIZE} square, the party's name under it, and the note.
         */
        SignatureBox[] signatures(Party purchaser, Party supplier, String note) throws IOException {
            float column = WIDTH / 2;
            float labelSize = 12f;
            List<String> left = wrap("单位名称：" + purchaser.name(), BODY, column - 24f);
            List<String> right = wrap("单位名称：" + supplier.name(), BODY, column - 24f);
            int nameLines = Math.max(left.size(), right.size());
            List<String> noteLines = wrap(note, 9f, WIDTH);
            float height =
                    24f
                            + labelSize
                            + 10f
                            + STAMP_SIZE
                            + 10f
                            + nameLines * LEAD
                            + 12f
                            + noteLines.size() * 9f * 1.6f;
            ensure(height);
            y -= 24f + labelSize;
            float labelY = y;
            write(cs, LEFT + 12f, labelY, labelSize, "甲方（盖章）：", INK, true);
            write(cs, LEFT + column + 12f, labelY, labelSize, "乙方（盖章）：", INK, true);
            float boxTop = labelY - 10f;
            float boxY = boxTop - STAMP_SIZE;
            int page = doc.getNumberOfPages() - 1;
            SignatureBox a =
                    new SignatureBox(
                            page, LEFT + (column - STAMP_SIZE) / 2, boxY, STAMP_SIZE, STAMP_SIZE);
            SignatureBox b =
                    new SignatureBox(
                            page,
                            LEFT + column + (column - STAMP_SIZE) / 2,
                            boxY,
                            STAMP_SIZE,
                            STAMP_SIZE);
            y = boxY - 10f;
            for (int i = 0; i < nameLines; i++) {
                y -= LEAD;
                if (i < left.size()) {
                    write(cs, LEFT + 12f, y, BODY, left.get(i), INK, false);
                }
                if (i < right.size()) {
                    write(cs, LEFT + column + 12f, y, BODY, right.get(i), INK, false);
                }
            }
            y -= 12f;
            for (String l : noteLines) {
                y -= 9f * 1.6f;
                write(cs, LEFT, y, 9f, l, GREY, false);
            }
            return new SignatureBox[] {a, b};
        }

        // -----------------------------------------------------------------------------------------

        private void write(
                PDPageContentStream c,
                float x,
                float at,
                float size,
                String text,
                Color colour,
                boolean bold)
                throws IOException {
            write(c, x, at, size, text, colour, bold, 0f);
        }

        private void write(
                PDPageContentStream c,
                float x,
                float at,
                float size,
                String text,
                Color colour,
                boolean bold,
                float spacing)
                throws IOException {
            String t = glyphs.printable(text);
            if (t.isEmpty()) {
                return;
            }
            if (font == null) {
                t.codePoints().forEach(drawn::set);
                return;
            }
            c.beginText();
            c.setNonStrokingColor(colour);
            c.setFont(font, size);
            if (bold) {
                // the font has no bold face: fill and stroke the outlines, thinly
                c.setStrokingColor(colour);
                c.setLineWidth(size * 0.035f);
                c.setRenderingMode(RenderingMode.FILL_STROKE);
            }
            c.setCharacterSpacing(spacing);
            c.newLineAtOffset(x, at);
            c.showText(t);
            if (bold) {
                c.setRenderingMode(RenderingMode.FILL);
            }
            c.endText();
        }

        private static void rule(
                PDPageContentStream c,
                float x1,
                float y1,
                float x2,
                float y2,
                Color colour,
                float width)
                throws IOException {
            c.setStrokingColor(colour);
            c.setLineWidth(width);
            c.moveTo(x1, y1);
            c.lineTo(x2, y2);
            c.stroke();
        }

        float width(String text, float size) throws IOException {
            String t = glyphs.printable(text);
            float w = 0;
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                w += unitWidth(cp);
                i += Character.charCount(cp);
            }
            return w / 1000f * size;
        }

        private float unitWidth(int cp) throws IOException {
            Float w = widths.get(cp);
            if (w == null) {
                w = glyphs.advance(cp);
                widths.put(cp, w);
            }
            return w;
        }

        List<String> wrap(String text, float size, float max) throws IOException {
            return wrap(text, size, max, max);
        }

        /**
         * The text in lines no wider than {@code first} (the first line) and {@code rest}, measured
         * with the font: Chinese breaks between any two characters, except that a line does not
         * start with closing punctuation (，。）…) nor end with opening punctuation (（《“), and a run
         * of ASCII letters and digits (a number, an account, a code) is not broken unless it is
         * longer than a line.
         */
        List<String> wrap(String text, float size, float first, float rest) throws IOException {
            int[] cps = glyphs.printable(text).codePoints().toArray();
            List<String> lines = new ArrayList<>();
            int start = 0;
            while (start < cps.length) {
                float max = (lines.isEmpty() ? first : rest) * 1000f / size;
                float w = 0;
                int end = start;
                while (end < cps.length) {
                    float cw = unitWidth(cps[end]);
                    if (w + cw > max && end > start) {
                        break;
                    }
                    w += cw;
                    end++;
                }
                if (end < cps.length) {
                    end = breakBefore(cps, start, end);
                }
                lines.add(new String(cps, start, end - start).stripTrailing());
                start = end;
                while (start < cps.length && cps[start] == ' ') {
                    start++;
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
            return lines;
        }

        /**
         * Where to break a line whose first character that does not fit is at {@code end}: moved
         * back past punctuation that may not start or end a line and to the start of an ASCII run,
         * until neither applies (or the line would be empty, for a run longer than a line).
         */
        private static int breakBefore(int[] cps, int start, int end) {
            int b = end;
            for (int guard = 0; guard < 16; guard++) {
                int nb = b;
                if (NO_LINE_START.indexOf(cps[b]) >= 0 || NO_LINE_END.indexOf(cps[b - 1]) >= 0) {
                    nb = b - 1;
                } else if (wordChar(cps[b - 1]) && wordChar(cps[b])) {
                    nb = b - 1;
                    while (nb > start && wordChar(cps[nb - 1])) {
                        nb--;
                    }
                }
                if (nb == b || nb <= start) {
                    break;
                }
                b = nb;
            }
            return b;
        }

        private static boolean wordChar(int cp) {
            return cp < 128 && (Character.isLetterOrDigit(cp) || "-_./:@%+#&,".indexOf(cp) >= 0);
        }
    }
}
