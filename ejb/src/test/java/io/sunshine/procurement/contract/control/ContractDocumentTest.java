package io.sunshine.procurement.contract.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.platform.control.ChineseCapitalAmount;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract PDF as a reader, a text search, poppler's tools and a signer find it. Rendered with
 * Debian's fonts-wqy-zenhei and checked with poppler-utils, which the test command installs.
 */
class ContractDocumentTest {
    static final BigDecimal TOTAL = new BigDecimal("1234567.89");
    static final ContractTemplate AUCTION =
            ContractTemplate.load(ProcurementMethod.REVERSE_AUCTION);

    static ContractDocument.Rendered many;
    static Path manyFile;

    @TempDir static Path dir;

    @BeforeAll
    static void renderALongContract() throws IOException {
        many =
                ContractDocument.render(
                        ContractFixture.content(40, TOTAL), AUCTION, ContractFixture.FONT);
        manyFile = dir.resolve("contract.pdf");
        Files.write(manyFile, many.pdf());
        // a copy to look at (pdftoppm -png -r 70 target/contract-sample.pdf /tmp/contract)
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.write(target.resolve("contract-sample.pdf"), many.pdf());
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    @Test
    void pdftotextFindsThePartiesTheAmountsAndTheTerms() throws Exception {
        int n = pages(many.pdf());
        assertTrue(n >= 3, "40 items and 13 clauses take several pages: " + n);
        String text = run("/usr/bin/pdftotext", "-enc", "UTF-8", manyFile.toString(), "-");
        for (String expected :
                List.of(
                        "政府采购合同",
                        ContractFixture.NUMBER,
                        "滨江区教育局2026年教学设备采购合同",
                        "ZFCG-2026-0042",
                        "网上竞价",
                        "成交通知书日期",
                        "2026年3月2日",
                        "滨江区教育局",
                        "11330108002482314X",
                        "杭州明远信息技术有限公司",
                        "91330106MA2H3KXY8B",
                        "3305 0161 6135 0000 0789",
                        "《中华人民共和国民法典》",
                        "1,234,567.89",
                        ChineseCapitalAmount.of(TOTAL),
                        "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
                        "序号",
                        "规格型号",
                        "单价（元）",
                        "金额（元）",
                        "第一条",
                        "第十三条",
                        "违约责任",
                        "廉洁条款",
                        "合同签订后15日内",
                        "370,370.37",
                        "864,197.52",
                        "61,728.39",
                        "甲方住所地有管辖权的人民法院",
                        "甲方（盖章）",
                        "乙方（盖章）",
                        "第 1 页 共 " + n + " 页")) {
            assertTrue(text.contains(expected), expected + " not in the text");
        }
    }

    @Test
    void everyPageCarriesTheNumberAndItsPageOfPages() throws Exception {
        int n = pages(many.pdf());
        for (int i = 1; i <= n; i++) {
            String page =
                    run(
                            "/usr/bin/pdftotext",
                            "-enc",
                            "UTF-8",
                            "-f",
                            "" + i,
                            "-l",
                            "" + i,
                            manyFile.toString(),
                            "-");
            assertTrue(page.contains("合同编号：" + ContractFixture.NUMBER), "page " + i);
            assertTrue(page.contains("第 " + i + " 页 共 " + n + " 页"), "page " + i);
        }
    }

    @Test
    void theItemsTableRepeatsItsHeaderOnEveryPageItContinuesOn() throws Exception {
        String second =
                run(
                        "/usr/bin/pdftotext",
                        "-enc",
                        "UTF-8",
                        "-f",
                        "2",
                        "-l",
                        "2",
                        manyFile.toString(),
                        "-");
        assertTrue(second.contains("规格型号"), second);
        assertTrue(second.contains("单价（元）"), second);
        // every line of the table is there, each once with its amount
        String all = run("/usr/bin/pdftotext", "-enc", "UTF-8", manyFile.toString(), "-");
        for (ContractItem item : ContractFixture.content(40, TOTAL).items()) {
            assertTrue(all.contains(ContractDocument.yuan(item.amount())), item.toString());
        }
    }

    @Test
    void theFontIsEmbeddedAsASubset() throws Exception {
        String fonts = run("/usr/bin/pdffonts", manyFile.toString());
        List<String> rows = fonts.lines().skip(2).toList();
        assertFalse(rows.isEmpty(), fonts);
        for (String row : rows) {
            // name type encoding emb sub uni object ID
            assertTrue(
                    row.matches(
                            "[A-Z]{6}\\+\\S+\\s+CID"
                                    + " TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes\\s+.*"),
                    row);
        }
        assertTrue(many.size() < 400_000, "a subset, not the 16 MB collection: " + many.size());
    }

    @Test
    void theSameContentRendersToTheSameBytes() {
        ContractDocument.Rendered again =
                ContractDocument.render(
                        ContractFixture.content(40, TOTAL), AUCTION, ContractFixture.FONT);
        assertArrayEquals(many.pdf(), again.pdf());
        assertEquals(many.sha256(), again.sha256());
        assertEquals(many.purchaserBox(), again.purchaserBox());

        ContractDocument.Rendered other =
                ContractDocument.render(
                        ContractFixture.content(40, new BigDecimal("1234567.88")),
                        AUCTION,
                        ContractFixture.FONT);
        assertNotEquals(many.sha256(), other.sha256());
    }

    @Test
    void theHashIsTheSha256OfTheBytes() throws Exception {
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(many.pdf())),
                many.sha256());
    }

    @Test
    void theSignatureBoxesAreEmptySquaresSideBySideOnTheLastPage() throws IOException {
        try (PDDocument d = Loader.loadPDF(many.pdf())) {
            int last = d.getNumberOfPages() - 1;
            PDRectangle page = d.getPage(last).getMediaBox();
            for (SignatureBox box : List.of(many.purchaserBox(), many.supplierBox())) {
                assertEquals(last, box.pageIndex());
                assertEquals(150f, box.width());
                assertEquals(150f, box.height());
                assertTrue(box.within(page.getWidth(), page.getHeight()), box.toString());
                assertTrue(box.y() > 60f, "above the footer: " + box);
            }
            assertEquals(many.purchaserBox().y(), many.supplierBox().y());
            assertTrue(many.purchaserBox().x() + 150f < many.supplierBox().x());
            assertFalse(many.purchaserBox().overlaps(many.supplierBox()));

            for (TextPosition t : positions(d, last)) {
                for (SignatureBox box : List.of(many.purchaserBox(), many.supplierBox())) {
                    // PDFBox: y from the top of the page, to the baseline
                    float bottom = page.getHeight() - t.getYDirAdj();
                    float top = bottom + t.getHeightDir();
                    boolean inside =
                            t.getXDirAdj() + t.getWidthDirAdj() > box.x()
                                    && t.getXDirAdj() < box.x() + box.width()
                                    && top > box.y()
                                    && bottom < box.y() + box.height();
                    assertFalse(inside, "'" + t.getUnicode() + "' drawn in " + box);
                }
            }
        }
    }

    @Test
    void noTextRunsPastTheMargins() throws IOException {
        try (PDDocument d = Loader.loadPDF(many.pdf())) {
            for (int i = 0; i < d.getNumberOfPages(); i++) {
                PDPage page = d.getPage(i);
                for (TextPosition t : positions(d, i)) {
                    assertTrue(
                            t.getXDirAdj() >= 61.5f,
                            "page " + (i + 1) + " '" + t.getUnicode() + "' at " + t.getXDirAdj());
                    float right = t.getXDirAdj() + t.getWidthDirAdj();
                    assertTrue(
                            right <= page.getMediaBox().getWidth() - 61.5f,
                            "page " + (i + 1) + " '" + t.getUnicode() + "' ends at " + right);
                }
            }
        }
    }

    @Test
    void aLongSpecificationIsWrappedAndContinuedAcrossPages() throws Exception {
        String spec = "技术参数：" + "处理器不低于八核，主频不低于三点五吉赫兹；内存不低于三十二吉字节；".repeat(40);
        List<ContractItem> items =
                PriceAllocation.allocate(
                        List.of(
                                new PriceAllocation.Line(
                                        "图形工作站",
                                        spec,
                                        "台",
                                        new BigDecimal("2"),
                                        new BigDecimal("60000"))),
                        new BigDecimal("58800.00"));
        ContractContent c = ContractFixture.content(1, new BigDecimal("58800.00"));
        ContractContent long_ =
                new ContractContent(
                        c.contractNumber(),
                        c.title(),
                        c.projectCode(),
                        c.projectTitle(),
                        c.lotNo(),
                        c.lotTitle(),
                        c.method(),
                        c.awardNoticeDate(),
                        c.purchaser(),
                        c.supplier(),
                        items,
                        c.total(),
                        c.terms(),
                        c.draftedAt(),
                        2);
        ContractDocument.Rendered r = ContractDocument.render(long_, AUCTION, ContractFixture.FONT);
        Path file = dir.resolve("long.pdf");
        Files.write(file, r.pdf());
        assertTrue(pages(r.pdf()) >= 2, "the row is taller than a page");
        String text = run("/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-");
        // each of the 40 repetitions has one 赫: nothing of the cell is lost or printed twice where
        // the row continues on the next page
        assertEquals(40, text.chars().filter(ch -> ch == '赫').count());
        assertTrue(text.replaceAll("\\s", "").contains("第2版"), "the version is printed");
    }

    @Test
    void withoutABondAndWithArbitrationTheClausesSaySo() throws Exception {
        ContractTerms terms =
                AUCTION.defaultTerms()
                        .withBondPercent(BigDecimal.ZERO)
                        .withDispute(DisputeResolution.ARBITRATION, "杭州仲裁委员会");
        ContractDocument.Rendered r =
                ContractDocument.render(
                        ContractFixture.content(3, new BigDecimal("9999.99"), terms),
                        AUCTION,
                        ContractFixture.FONT);
        try (PDDocument d = Loader.loadPDF(r.pdf())) {
            String text = new PDFTextStripper().getText(d).replaceAll("\\s", "");
            assertTrue(text.contains("本合同不收取履约保证金。"));
            assertTrue(text.contains("提交杭州仲裁委员会"));
            assertTrue(text.contains("仲裁裁决是终局的"));
            assertTrue(text.contains("人民币玖仟玖佰玖拾玖元玖角玖分"));
        }
    }

    @Test
    void theFileIsAPlainPdfASignerCanExtendIncrementally() throws IOException {
        String raw = new String(many.pdf(), StandardCharsets.ISO_8859_1);
        assertTrue(raw.startsWith("%PDF-1."), raw.substring(0, 10));
        assertTrue(raw.contains("\ntrailer"), "a classic trailer");
        assertFalse(raw.contains("/ObjStm"), "no object streams");
        assertFalse(raw.contains("/XRef"), "no cross-reference stream");
        assertFalse(raw.contains("/Encrypt"), "not encrypted");
        try (PDDocument d = Loader.loadPDF(many.pdf())) {
            assertFalse(d.isEncrypted());
            assertEquals(1.7f, d.getVersion());
            assertEquals("政府采购合同 " + ContractFixture.NUMBER, d.getDocumentInformation().getTitle());
            assertEquals("Sunshine Procurement", d.getDocumentInformation().getProducer());
            assertEquals(
                    ContractFixture.DRAFTED.toEpochMilli(),
                    d.getDocumentInformation().getCreationDate().getTimeInMillis());
            String xmp =
                    new String(
                            d.getDocumentCatalog().getMetadata().toByteArray(),
                            StandardCharsets.UTF_8);
            assertTrue(xmp.contains("<pdfaid:part>2</pdfaid:part>"), xmp);
            assertTrue(xmp.contains("2026-03-05T10:30:00+08:00"), xmp);
            assertEquals(1, d.getDocumentCatalog().getOutputIntents().size());
        }
    }

    @Test
    void aSignatureIsAppendedAsAnIncrementalUpdateLeavingTheRenderedBytesIntact()
            throws IOException {
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        try (PDDocument d = Loader.loadPDF(many.pdf())) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            signature.setName("滨江区教育局");
            signature.setSignDate(d.getDocumentInformation().getCreationDate());
            SignatureOptions options = new SignatureOptions();
            options.setPage(many.purchaserBox().pageIndex());
            // a placeholder signature: the structure, not the cryptography, is under test here
            d.addSignature(signature, content -> new byte[] {0x30, 0x00}, options);
            d.saveIncremental(signed);
            options.close();
        }
        byte[] out = signed.toByteArray();
        assertTrue(out.length > many.size());
        assertArrayEquals(many.pdf(), Arrays.copyOf(out, many.size()), "the original is a prefix");
        try (PDDocument d = Loader.loadPDF(out)) {
            assertEquals(1, d.getSignatureDictionaries().size());
            assertEquals(pages(many.pdf()), d.getNumberOfPages());
        }
    }

    @Test
    void everyPlaceholderATemplateMayUseHasAValue() {
        ContractContent c = ContractFixture.content(2, new BigDecimal("100.00"));
        assertTrue(
                ContractDocument.values(c, AUCTION)
                        .keySet()
                        .containsAll(ContractTemplate.PLACEHOLDERS));
        assertEquals("第1包“教学及办公设备”", ContractDocument.values(c, AUCTION).get("lot"));
    }

    @Test
    void theTemplateMustBeForTheContractsMethod() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        ContractDocument.render(
                                ContractFixture.content(1, new BigDecimal("100.00")),
                                ContractTemplate.load(ProcurementMethod.OPEN_TENDER),
                                ContractFixture.FONT));
    }

    @Test
    void aMissingFontIsAClearError() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                ContractDocument.render(
                                        ContractFixture.content(1, new BigDecimal("100.00")),
                                        AUCTION,
                                        Path.of("/nonexistent/font.ttc")));
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), e.getMessage());
    }

    @Test
    void contentWhoseItemsDoNotAddUpToTheTotalIsRefused() {
        ContractContent c = ContractFixture.content(2, new BigDecimal("100.00"));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ContractContent(
                                c.contractNumber(),
                                c.title(),
                                c.projectCode(),
                                c.projectTitle(),
                                c.lotNo(),
                                c.lotTitle(),
                                c.method(),
                                c.awardNoticeDate(),
                                c.purchaser(),
                                c.supplier(),
                                c.items(),
                                new BigDecimal("100.01"),
                                c.terms(),
                                c.draftedAt(),
                                1));
    }

    private static List<TextPosition> positions(PDDocument d, int pageIndex) throws IOException {
        List<TextPosition> all = new ArrayList<>();
        PDFTextStripper s =
                new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        all.addAll(positions);
                    }
                };
        s.setStartPage(pageIndex + 1);
        s.setEndPage(pageIndex + 1);
        s.getText(d);
        return all;
    }
}
