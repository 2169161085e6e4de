package io.sunshine.procurement.auction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The audit document as a reader (and a text search) finds it: the labels, the rules, the result,
 * every entry of the log with its time, alias, amount, outcome and hash, the chain's ends, page
 * numbers and the auction's id on every page, and the Chinese font embedded as a subset. Rendered
 * with Debian's fonts-wqy-zenhei, which the test command installs.
 */
class AuctionAuditDocumentTest {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    static final Instant START = Instant.parse("2026-12-02T01:00:00Z");

    private static AuctionRules rules() {
        return AuctionDefaults.forLot(Money.of(new BigDecimal("50000.00")));
    }

    /** A log chained like the engine's: accepted bids falling by 300, every fifth one refused. */
    static List<AuctionAuditDocument.Line> log(int n) {
        List<AuctionAuditDocument.Line> lines = new ArrayList<>();
        String previous = BidChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            Instant at = START.plusMillis(1000L * i + (i % 7) * 37);
            String alias = "供应商" + (char) ('A' + i % 4);
            boolean refused = i % 5 == 0;
            String amount =
                    new BigDecimal(49900 - 300 * i + (refused ? 1000 : 0))
                            .setScale(2)
                            .toPlainString();
            String outcome = refused ? "BID_NOT_BELOW_BEST" : "ACCEPTED";
            String hash =
                    BidChain.hash(
                            previous, new BidChain.Entry(i, at.toString(), alias, amount, outcome));
            lines.add(new AuctionAuditDocument.Line(i, at, alias, amount, outcome, hash));
            previous = hash;
        }
        return lines;
    }

    static AuctionAuditDocument.Facts facts(
            List<AuctionAuditDocument.Line> log, AuctionAuditDocument.Result result) {
        String last = log.isEmpty() ? BidChain.GENESIS : log.get(log.size() - 1).hash();
        return new AuctionAuditDocument.Facts(
                4711,
                "ZFCG-2026-0042",
                "区教育局台式计算机采购",
                1,
                "台式计算机",
                "滨江区教育局",
                "滨江公共资源交易中心",
                rules(),
                START,
                START.plus(Duration.ofMinutes(30)),
                START.plus(Duration.ofMinutes(35)),
                1,
                START.plus(Duration.ofMinutes(35)).plusMillis(2417),
                result,
                log,
                last,
                START.plus(Duration.ofMinutes(35)).plusMillis(2500));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theDocumentStatesTheProjectRulesTimesResultAndEveryEntryAsText() throws IOException {
        List<AuctionAuditDocument.Line> log = log(12);
        byte[] pdf =
                AuctionAuditDocument.render(
                        facts(
                                log,
                                new AuctionAuditDocument.Awarded(
                                        "供应商C",
                                        "滨江信息技术有限公司",
                                        Money.of(new BigDecimal("46300.00")),
                                        Money.of(new BigDecimal("3700.00")))),
                        FONT);
        String t = text(pdf);
        for (String label :
                List.of(
                        "网上竞价过程记录",
                        "ZFCG-2026-0042",
                        "区教育局台式计算机采购",
                        "第 1 包",
                        "台式计算机",
                        "滨江区教育局",
                        "滨江公共资源交易中心",
                        "最高限价",
                        "50,000.00 元",
                        "最高限价的 0.5%，即每次至少降低 250.00 元",
                        "结束前 5 分钟内有报价被接受的，结束时间延长 5 分钟，最多延长 3 次",
                        "供应商可见本方排名和当前最低价",
                        "最少竞价人数",
                        "开始时间",
                        "2026-12-02 09:00:00",
                        "原定结束时间",
                        "2026-12-02 09:30:00",
                        "延时 1 次，结束时间延至 2026-12-02 09:35:00",
                        "实际结束时间",
                        "2026-12-02 09:35:00.000",
                        "结果确定时间",
                        "2026-12-02 09:35:02.417",
                        "成交供应商",
                        "供应商C",
                        "滨江信息技术有限公司",
                        "46,300.00 元",
                        "3,700.00 元（较最高限价降低 7.40%）",
                        "共 12 条：接受 10 条，拒绝 2 条",
                        "报价未低于当前最低价",
                        "起始哈希",
                        BidChain.GENESIS,
                        "最终哈希",
                        "完整：逐条重算的哈希与记录一致",
                        "验证方法",
                        "SHA-256",
                        "第 1 页 共 ")) {
            assertTrue(t.contains(label), "missing: " + label + "\n" + t);
        }
        for (AuctionAuditDocument.Line l : log) {
            // each entry: seq, Beijing time to the millisecond, alias, amount, outcome, hash
            String time =
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                            .withZone(AuctionAuditDocument.SHANGHAI)
                            .format(l.at());
            String expected =
                    l.seq()
                            + " "
                            + time
                            + " "
                            + l.alias()
                            + " "
                            + l.amount()
                            + " "
                            + AuctionAuditDocument.outcomeText(l.outcome());
            assertTrue(t.contains(expected), "entry " + l.seq() + ": " + expected + "\n" + t);
            assertTrue(t.contains("哈希 " + l.hash()), "hash of " + l.seq());
        }
        assertTrue(t.contains("拒绝 BID_NOT_BELOW_BEST"));
    }

    @Test
    void theFontIsAnEmbeddedSubset() throws IOException {
        byte[] pdf =
                AuctionAuditDocument.render(
                        facts(log(3), new AuctionAuditDocument.Failed(4, 2, 3)), FONT);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (var name : d.getPage(0).getResources().getFontNames()) {
                PDFont f = d.getPage(0).getResources().getFont(name);
                assertTrue(f.isEmbedded(), f.getName());
                // a subset's name carries a six-letter tag: ABCDEF+WenQuanYiZenHei
                assertTrue(f.getName().matches("[A-Z]{6}\\+.*"), f.getName());
            }
        }
        assertTrue(pdf.length < 200_000, "a subset, not the whole 17 MB font: " + pdf.length);
    }

    @Test
    void aFailedAuctionSaysWhy() throws IOException {
        String t =
                text(
                        AuctionAuditDocument.render(
                                facts(log(2), new AuctionAuditDocument.Failed(4, 2, 3)), FONT));
        assertTrue(t.contains("竞价失败（流标）"), t);
        // the reason wraps over two lines
        assertTrue(t.replaceAll("\\s+", "").contains("合格供应商4家，有效报价的供应商2家，规则要求至少3家"), t);
    }

    @Test
    void fiveHundredEntriesPaginateWithPageNumbersAndTheAuctionIdOnEveryPage() throws IOException {
        List<AuctionAuditDocument.Line> log = log(500);
        byte[] pdf =
                AuctionAuditDocument.render(
                        facts(log, new AuctionAuditDocument.Failed(4, 4, 5)), FONT);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            int pages = d.getNumberOfPages();
            assertTrue(pages > 10, "500 entries on " + pages + " pages");
            PDFTextStripper stripper = new PDFTextStripper();
            int seen = 0;
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(d);
                assertTrue(page.contains("第 " + p + " 页 共 " + pages + " 页"), "page " + p);
                assertTrue(page.contains("竞价编号 4711"), "id on page " + p);
                for (AuctionAuditDocument.Line l : log) {
                    // the row's hash line (the final hash is printed once more, as 最终哈希)
                    if (page.contains("\n哈希 " + l.hash())) {
                        seen++;
                    }
                }
            }
            assertEquals(500, seen, "every entry on exactly one page");
        }
        String t = text(pdf);
        for (AuctionAuditDocument.Line l : log) {
            assertTrue(
                    t.contains(l.amount() + " " + AuctionAuditDocument.outcomeText(l.outcome())));
        }
        assertTrue(t.contains(log.get(499).hash()));
    }

    @Test
    void whatTheFontCannotShowIsPrintedAsItsCodePoint() throws IOException {
        Instant at = START.plusSeconds(5);
        String amount = "1\u0000２\uD83D\uDE00";
        String hash =
                BidChain.hash(
                        BidChain.GENESIS,
                        new BidChain.Entry(1, at.toString(), "供应商A", amount, "AMOUNT_INVALID"));
        List<AuctionAuditDocument.Line> log =
                List.of(
                        new AuctionAuditDocument.Line(
                                1, at, "供应商A", amount, "AMOUNT_INVALID", hash));
        String t =
                text(
                        AuctionAuditDocument.render(
                                facts(log, new AuctionAuditDocument.Failed(4, 0, 3)), FONT));
        assertTrue(t.contains("1[U+0000]２[U+1F600]"), t);
        assertTrue(t.contains("拒绝 AMOUNT_INVALID"), t);
        assertTrue(t.contains("金额格式错误"), "the code's Chinese title: " + t);
    }

    @Test
    void aLogThatNoLongerMatchesItsHashesIsSaidSo() throws IOException {
        List<AuctionAuditDocument.Line> log = new ArrayList<>(log(6));
        AuctionAuditDocument.Line third = log.get(2);
        log.set(
                2,
                new AuctionAuditDocument.Line(
                        3, third.at(), third.alias(), "1.00", third.outcome(), third.hash()));
        String t =
                text(
                        AuctionAuditDocument.render(
                                facts(log, new AuctionAuditDocument.Failed(4, 4, 5)), FONT));
        assertTrue(t.contains("不一致：第 3 条记录的哈希与重算结果不符"), t);
    }

    @Test
    void aMissingFontIsAClearError() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                AuctionAuditDocument.render(
                                        facts(log(1), new AuctionAuditDocument.Failed(0, 0, 3)),
                                        Path.of("/nonexistent/font.ttc")));
        assertTrue(e.getMessage().contains("sunshine.pdf.font"), e.getMessage());
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), e.getMessage());
    }
}
