package io.sunshine.procurement.auction.control;

import io.sunshine.platform.control.DocumentFont;
import io.sunshine.platform.control.Money;
import io.sunshine.platform.control.ProblemCode;
import io.sunshine.platform.control.ProblemMessages;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import java.util.TreeSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The auction's audit document (竞价过程记录): one PDF made at the close that states the project, the
 * rules as published, the times, the result, and every entry of the bid log — accepted or refused,
 * with its server time to the millisecond, the bidder's alias, the amount as given, the outcome and
 * the entry's hash — then the genesis and final hash of the chain and how to recompute it. Chinese
 * text uses an embedded subset of a TrueType font (or one font of a collection, such as Debian's
 * {@code fonts-wqy-zenhei}), so the text can be extracted and searched.
 *
 * <pre>{@code
 * byte[] pdf = AuctionAuditDocument.render(facts, Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
 * }</pre>
 *
 * <p>Every page carries the auction's id and 第 x 页 共 y 页. Text the font cannot show (a control
 * character or a rare symbol typed as an amount) is printed as {@code [U+XXXX]}.
 */
public final class AuctionAuditDocument {
    public static final String TITLE = "网上竞价过程记录";
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ENTRY_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(SHANGHAI);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private AuctionAuditDocument() {}

    /**
     * What the document states.
     *
     * @param closesAt the close as it stood at the end (after extensions)
     * @param closedAt when the platform closed the auction and fixed its result
     * @param lastHash the auction's recorded last hash (the genesis when nothing was logged)
     */
    public record Facts(
            long auctionId,
            String projectReference,
            String projectTitle,
            int lotNo,
            String lotTitle,
            String buyer,
            String agency,
            AuctionRules rules,
            Instant startsAt,
            Instant scheduledClose,
            Instant closesAt,
            int extensions,
            Instant closedAt,
            Result result,
            List<Line> log,
            String lastHash,
            Instant producedAt) {
        public Facts {
            Objects.requireNonNull(projectReference, "The project reference is required.");
            Objects.requireNonNull(rules, "The rules are required.");
            Objects.requireNonNull(startsAt, "The start is required.");
            Objects.requireNonNull(scheduledClose, "The scheduled close is required.");
            Objects.requireNonNull(closesAt, "The close is required.");
            Objects.requireNonNull(closedAt, "The actual close is required.");
            Objects.requireNonNull(result, "The result is required.");
            Objects.requireNonNull(lastHash, "The last hash is required.");
            Objects.requireNonNull(producedAt, "The production time is required.");
            log = List.copyOf(log);
        }
    }

    /** The result the document states. */
    public sealed interface Result permits Awarded, Failed {}

    /** Awarded to the winner (alias and name) at its amount, with the saving. */
    public record Awarded(String alias, String supplier, Money amount, Money saving)
            implements Result {}

    /** Failed: fewer qualified suppliers or bidders than the minimum. */
    public record Failed(int qualified, int bidders, int minimum) implements Result {}

    /** One log entry as stored: the amount and outcome exactly as they were hashed. */
    public record Line(
            long seq, Instant at, String alias, String amount, String outcome, String hash) {
        /** The entry as {@link BidChain} hashes it. */
        public BidChain.Entry entry() {
            return new BidChain.Entry(seq, at.toString(), alias, amount, outcome);
        }
    }

    /** The outcome in Chinese with its code: 接受, or 拒绝 and the refusal code. */
    public static String outcomeText(String outcome) {
        return "ACCEPTED".equals(outcome) ? "接受" : "拒绝 " + outcome;
    }

    /** Renders the document with the font at {@code fontFile} (.ttc: its first font; or .ttf). */
    public static byte[] render(Facts facts, Path fontFile) {
        try (DocumentFont font = DocumentFont.open(fontFile)) {
            // the font stays open until the subset is written at save
            return render(facts, font);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the audit document with " + fontFile, e);
        }
    }

    private static byte[] render(Facts f, DocumentFont documentFont) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = documentFont.embedSubset(doc);
            Sheet s = new Sheet(doc, font, documentFont);
            s.newPage();
            body(s, f);
            s.finish();
            s.decorate(
                    TITLE + "　竞价编号 " + f.auctionId(),
                    "项目编号 " + f.projectReference() + "　第 " + f.lotNo() + " 包",
                    "竞价编号 " + f.auctionId());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(TITLE + " " + f.projectReference() + " 第" + f.lotNo() + "包");
            info.setSubject("auction " + f.auctionId());
            info.setCreator("阳光采购平台 Sunshine Procurement");
            Calendar produced = new GregorianCalendar(TimeZone.getTimeZone(SHANGHAI));
            produced.setTimeInMillis(f.producedAt().toEpochMilli());
            info.setCreationDate(produced);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void body(Sheet s, Facts f) throws IOException {
        s.centred(TITLE, 18f);
        s.gap(4);
        s.centred(
                "竞价编号 "
                        + f.auctionId()
                        + "　项目编号 "
                        + f.projectReference()
                        + "　第 "
                        + f.lotNo()
                        + " 包",
                10f);
        s.gap(10);

        s.heading("一、项目");
        s.field("项目编号", f.projectReference());
        s.field("项目名称", f.projectTitle());
        s.field("标包", "第 " + f.lotNo() + " 包" + (blank(f.lotTitle()) ? "" : "　" + f.lotTitle()));
        s.field("采购单位", f.buyer());
        s.field("采购代理机构", f.agency());

        AuctionRules r = f.rules();
        s.heading("二、竞价规则（公布时）");
        s.field("最高限价", yuan(r.ceiling()));
        s.field(
                "降价幅度",
                r.decrement().kind() == Decrement.Kind.PERCENT
                        ? "最高限价的 "
                                + r.decrement().value().stripTrailingZeros().toPlainString()
                                + "%，即每次至少降低 "
                                + yuan(r.step())
                        : "每次至少降低 " + yuan(r.step()));
        s.field(
                "降价基准",
                r.basis() == AuctionRules.Basis.BEST
                        ? "新报价须比当前最低价低至少一个降价幅度"
                        : "新报价须比本方上次报价低至少一个降价幅度（同价以先报者为先）");
        s.field(
                "延时规则",
                r.window().isZero()
                        ? "不延时"
                        : "结束前 "
                                + duration(r.window())
                                + "内有报价被接受的，结束时间延长 "
                                + duration(r.extension())
                                + "，最多延长 "
                                + r.maxExtensions()
                                + " 次");
        s.field(
                "报价可见范围",
                r.visibility() == AuctionRules.Visibility.RANK_AND_BEST
                        ? "供应商可见本方排名和当前最低价"
                        : "供应商仅可见本方排名");
        s.field("最少竞价人数", r.minBidders() + " 家（合格供应商或有效报价的供应商少于此数，竞价失败）");

        s.heading("三、竞价时间（北京时间）");
        s.field("开始时间", TIME.format(f.startsAt()));
        s.field("原定结束时间", TIME.format(f.scheduledClose()));
        s.field(
                "延时",
                f.extensions() == 0
                        ? "未延时"
                        : "延时 " + f.extensions() + " 次，结束时间延至 " + TIME.format(f.closesAt()));
        s.field("实际结束时间", ENTRY_TIME.format(f.closesAt()) + "（此后的报价一律拒绝）");
        s.field("结果确定时间", ENTRY_TIME.format(f.closedAt()));

        s.heading("四、竞价结果");
        if (f.result() instanceof Awarded w) {
            s.field("结果", "成交");
            s.field("成交供应商", w.alias() + "　" + w.supplier());
            s.field("成交金额", yuan(w.amount()));
            String rate =
                    w.saving()
                                    .amount()
                                    .multiply(HUNDRED)
                                    .divide(r.ceiling().amount(), 2, RoundingMode.HALF_UP)
                                    .toPlainString()
                            + "%";
            s.field("节约资金", yuan(w.saving()) + "（较最高限价降低 " + rate + "）");
        } else {
            Failed x = (Failed) f.result();
            s.field("结果", "竞价失败（流标）");
            s.field(
                    "原因",
                    "有效竞价人数不足：合格供应商 "
                            + x.qualified()
                            + " 家，有效报价的供应商 "
                            + x.bidders()
                            + " 家，规则要求至少 "
                            + x.minimum()
                            + " 家。标包退回采购代理机构另行处理。");
        }

        long accepted = f.log().stream().filter(l -> "ACCEPTED".equals(l.outcome())).count();
        s.heading(
                "五、报价记录（共 "
                        + f.log().size()
                        + " 条：接受 "
                        + accepted
                        + " 条，拒绝 "
                        + (f.log().size() - accepted)
                        + " 条）");
        s.table(f.log());

        TreeSet<String> codes = new TreeSet<>();
        f.log().stream().map(Line::outcome).filter(o -> !"ACCEPTED".equals(o)).forEach(codes::add);
        if (!codes.isEmpty()) {
            s.gap(4);
            s.paragraph("拒绝代码说明：", 9f);
            for (String c : codes) {
                s.field(c, refusalTitle(c), 170f, 8.5f);
            }
        }

        s.heading("六、哈希链");
        List<BidChain.Entry> entries = f.log().stream().map(Line::entry).toList();
        List<String> hashes = f.log().stream().map(Line::hash).toList();
        long broken = BidChain.firstBroken(entries, hashes);
        String lastOfLog = hashes.isEmpty() ? BidChain.GENESIS : hashes.get(hashes.size() - 1);
        s.field("记录条数", String.valueOf(f.log().size()));
        s.field("起始哈希", BidChain.GENESIS, 90f, 8f);
        s.field("最终哈希", f.lastHash(), 90f, 8f);
        s.field(
                "生成时校验",
                broken == 0 && lastOfLog.equals(f.lastHash())
                        ? "完整：逐条重算的哈希与记录一致，最后一条等于最终哈希"
                        : broken != 0
                                ? "不一致：第 " + broken + " 条记录的哈希与重算结果不符"
                                : "不一致：最后一条记录的哈希不等于竞价记录的最终哈希");
        s.field("文件生成时间", ENTRY_TIME.format(f.producedAt()));

        s.heading("七、验证方法");
        s.paragraph(
                "每条记录的哈希 = SHA-256（前一条记录的哈希，即 64 位小写十六进制 ASCII 文本；换行符 \\n；"
                        + "“序号|时间|代号|报价|结果”的 UTF-8 编码），结果以小写十六进制表示。第 1 条的前一哈希为起始哈希"
                        + "（64 个 0）。其中时间为服务器时刻的 UTC ISO-8601 文本（表中北京时间减 8 小时，"
                        + "如 2026-12-02T01:15:03.123Z，毫秒为 0 时省略小数部分），代号、报价为表中所列原文"
                        + "（报价为空时记作“—”；无法显示的字符以 [U+XXXX] 表示），结果为 ACCEPTED 或拒绝代码。"
                        + "自第 1 条起逐条重算，每条应与表中哈希一致，最后一条应等于最终哈希；任何一条被修改、删除或插入，"
                        + "其后的哈希都不再一致。监管人员亦可通过 GET /api/v1/auctions/"
                        + f.auctionId()
                        + "/log/verification 由平台从数据库重算哈希链，并以本文件登记的 SHA-256 核对本文件未被改动。",
                9f);
        s.gap(6);
        s.paragraph("本文件由阳光采购平台在竞价结束时自动生成，仅生成一次。", 8.5f);
    }

    private static String refusalTitle(String code) {
        try {
            return ProblemMessages.title(ProblemCode.valueOf(code), ProblemMessages.CHINESE);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String yuan(Money m) {
        DecimalFormat d =
                new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return d.format(m.amount()) + " 元";
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " 分钟" : s + " 秒";
    }

    // ---------------------------------------------------------------------------------------------

    /** A page-by-page writer: a cursor that moves down and opens a new page when it must. */
    private static final class Sheet {
        private static final PDRectangle SIZE = PDRectangle.A4;
        private static final float LEFT = 48f;
        private static final float RIGHT = SIZE.getWidth() - 48f;
        private static final float TOP = SIZE.getHeight() - 60f;
        private static final float BOTTOM = 56f;
        private static final float WIDTH = RIGHT - LEFT;
        private static final Color GREY = new Color(0x66, 0x66, 0x66);
        private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
        // table columns: seq, time, alias, amount, outcome
        private static final float[] COLUMN = {LEFT, LEFT + 34, LEFT + 150, LEFT + 212, LEFT + 330};
        private static final float[] COLUMN_WIDTH = {32, 112, 58, 114, RIGHT - (LEFT + 330)};
        private static final float ROW_SIZE = 8f;
        private static final float HASH_SIZE = 7f;

        private final PDDocument doc;
        private final PDType0Font font;
        private final DocumentFont glyphs;
        private PDPageContentStream cs;
        private float y;
        private boolean inTable;

        Sheet(PDDocument doc, PDType0Font font, DocumentFont glyphs) {
            this.doc = doc;
            this.font = font;
            this.glyphs = glyphs;
        }

        void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(SIZE);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
            if (inTable) {
                tableHeader();
            }
        }

        void finish() throws IOException {
            cs.close();
            cs = null;
        }

        /** Header and footer on every page, once the number of pages is known. */
        void decorate(String left, String right, String footerRight) throws IOException {
            int n = doc.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                PDPage page = doc.getPage(i);
                try (PDPageContentStream c =
                        new PDPageContentStream(
                                doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    float top = SIZE.getHeight() - 36f;
                    write(c, LEFT, top, 8f, left, GREY);
                    write(c, RIGHT - width(right, 8f), top, 8f, right, GREY);
                    line(c, LEFT, top - 5f, RIGHT, top - 5f, RULE);
                    String footer = "第 " + (i + 1) + " 页 共 " + n + " 页";
                    write(c, (LEFT + RIGHT - width(footer, 8.5f)) / 2, 32f, 8.5f, footer, GREY);
                    write(c, RIGHT - width(footerRight, 8f), 32f, 8f, footerRight, GREY);
                }
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

        void centred(String text, float size) throws IOException {
            ensure(size * 1.4f);
            y -= size;
            write(cs, (LEFT + RIGHT - width(text, size)) / 2, y, size, text, Color.BLACK);
            y -= size * 0.4f;
        }

        void heading(String text) throws IOException {
            ensure(40f);
            y -= 10f;
            y -= 12f;
            write(cs, LEFT, y, 12f, text, Color.BLACK);
            y -= 4f;
            line(cs, LEFT, y, RIGHT, y, RULE);
            y -= 6f;
        }

        void field(String label, String value) throws IOException {
            field(label, value, 90f, 9.5f);
        }

        /** A label and its value, the value wrapped in the rest of the line. */
        void field(String label, String value, float labelWidth, float size) throws IOException {
            List<String> lines = wrap(value == null ? "—" : value, size, WIDTH - labelWidth);
            float lead = size * 1.45f;
            ensure(lead * Math.min(lines.size(), 3));
            y -= size;
            write(cs, LEFT, y, size, label, GREY);
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    ensure(lead);
                    y -= lead;
                }
                write(cs, LEFT + labelWidth, y, size, lines.get(i), Color.BLACK);
            }
            y -= lead - size;
        }

        void paragraph(String text, float size) throws IOException {
            float lead = size * 1.5f;
            for (String l : wrap(text, size, WIDTH)) {
                ensure(lead);
                y -= lead;
                write(cs, LEFT, y, size, l, Color.BLACK);
            }
        }

        void table(List<Line> log) throws IOException {
            inTable = true;
            ensure(60f);
            tableHeader();
            if (log.isEmpty()) {
                y -= 14f;
                write(cs, LEFT, y, 9f, "（无报价记录）", GREY);
            }
            for (Line l : log) {
                List<List<String>> cells =
                        List.of(
                                wrap(String.valueOf(l.seq()), ROW_SIZE, COLUMN_WIDTH[0]),
                                wrap(ENTRY_TIME.format(l.at()), ROW_SIZE, COLUMN_WIDTH[1]),
                                wrap(l.alias(), ROW_SIZE, COLUMN_WIDTH[2]),
                                wrap(l.amount(), ROW_SIZE, COLUMN_WIDTH[3]),
                                wrap(outcomeText(l.outcome()), ROW_SIZE, COLUMN_WIDTH[4]));
                int lines = cells.stream().mapToInt(List::size).max().orElse(1);
                float lead = ROW_SIZE * 1.35f;
                float height = lines * lead + HASH_SIZE * 1.5f + 5f;
                ensure(height);
                float top = y;
                for (int c = 0; c < cells.size(); c++) {
                    float ly = top - ROW_SIZE - 2f;
                    for (String text : cells.get(c)) {
                        write(cs, COLUMN[c], ly, ROW_SIZE, text, Color.BLACK);
                        ly -= lead;
                    }
                }
                float hy = top - 2f - lines * lead - HASH_SIZE * 0.9f;
                write(cs, COLUMN[1], hy, HASH_SIZE, "哈希 " + l.hash(), GREY);
                y = top - height;
                line(cs, LEFT, y + 1.5f, RIGHT, y + 1.5f, RULE);
            }
            inTable = false;
        }

        private void tableHeader() throws IOException {
            String[] titles = {"序号", "服务器时间（北京时间）", "代号", "报价（元）", "结果"};
            y -= 12f;
            for (int c = 0; c < titles.length; c++) {
                write(cs, COLUMN[c], y, 8.5f, titles[c], GREY);
            }
            y -= 4f;
            line(cs, LEFT, y, RIGHT, y, Color.GRAY);
            y -= 2f;
        }

        private void write(
                PDPageContentStream c, float x, float at, float size, String text, Color colour)
                throws IOException {
            String t = printable(text);
            if (t.isEmpty()) {
                return;
            }
            c.beginText();
            c.setNonStrokingColor(colour);
            c.setFont(font, size);
            c.newLineAtOffset(x, at);
            c.showText(t);
            c.endText();
        }

        private static void line(
                PDPageContentStream c, float x1, float y1, float x2, float y2, Color colour)
                throws IOException {
            c.setStrokingColor(colour);
            c.setLineWidth(0.5f);
            c.moveTo(x1, y1);
            c.lineTo(x2, y2);
            c.stroke();
        }

        private float width(String text, float size) throws IOException {
            return rawWidth(printable(text), size);
        }

        private float rawWidth(String printable, float size) throws IOException {
            return font.getStringWidth(printable) / 1000f * size;
        }

        /**
         * The text in lines no wider than {@code max}: broken at a space where one is near,
         * otherwise between any two characters (Chinese has no spaces).
         */
        List<String> wrap(String text, float size, float max) throws IOException {
            String t = printable(text);
            List<String> lines = new ArrayList<>();
            int start = 0;
            while (start < t.length()) {
                int end = start;
                int lastSpace = -1;
                while (end < t.length()) {
                    int next = end + Character.charCount(t.codePointAt(end));
                    if (rawWidth(t.substring(start, next), size) > max && end > start) {
                        break;
                    }
                    if (t.charAt(end) == ' ') {
                        lastSpace = end;
                    }
                    end = next;
                }
                if (end < t.length() && lastSpace > start && lastSpace > end - 16) {
                    end = lastSpace + 1;
                }
                lines.add(t.substring(start, end).strip());
                start = end;
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
            return lines;
        }

        /** The text with what the font cannot show (controls, missing glyphs) as [U+XXXX]. */
        String printable(String text) {
            return glyphs.printable(text);
        }
    }
}
