package io.sunshine.procurement.contract.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped contract templates (config/contracts) and how a malformed one is refused at load. */
class ContractTemplateTest {

    private static Map<String, String> shippedDefault() throws IOException {
        try (InputStream in =
                ContractTemplate.class
                        .getClassLoader()
                        .getResourceAsStream(ContractTemplate.RESOURCE + "default.properties")) {
            return ContractTemplate.parse(in.readAllBytes(), "default.properties");
        }
    }

    private static IllegalStateException malformed(Map<String, String> own) throws IOException {
        return assertThrows(
                IllegalStateException.class,
                () ->
                        ContractTemplate.of(
                                ProcurementMethod.OPEN_TENDER, own, shippedDefault(), "test"));
    }

    @Test
    void everyMethodHasAValidTemplate() {
        Map<ProcurementMethod, ContractTemplate> all =
                ContractTemplate.loadAll(ContractTemplate.class.getClassLoader());
        assertEquals(ProcurementMethod.values().length, all.size());
        all.forEach(
                (m, t) -> {
                    assertEquals(m, t.method());
                    assertEquals("政府采购合同", t.title());
                    assertTrue(t.preamble().contains("《中华人民共和国民法典》"), m.name());
                    assertTrue(t.preamble().contains("《中华人民共和国政府采购法》"), m.name());
                    assertEquals(13, t.clauses().size(), m.name());
                });
        assertEquals("网上竞价", all.get(ProcurementMethod.REVERSE_AUCTION).methodLabel());
        assertEquals("公开招标", all.get(ProcurementMethod.OPEN_TENDER).methodLabel());
    }

    @Test
    void aMethodFileOverridesTheDefaultKeyByKey() {
        ContractTemplate auction = ContractTemplate.load(ProcurementMethod.REVERSE_AUCTION);
        assertTrue(auction.source().contains("REVERSE_AUCTION.properties over"), auction.source());
        assertEquals("成交通知书", auction.awardNotice());
        assertTrue(auction.clauses().get(1).paragraphs().get(0).contains("网上竞价中的成交报价"));
        assertEquals("合同签订后15日内", auction.defaultTerms().deliveryPeriod());
        // not set in REVERSE_AUCTION.properties: from default.properties
        assertEquals("违约责任", auction.clauses().get(7).heading());
        assertEquals("甲方指定地点", auction.defaultTerms().deliveryPlace());
    }

    @Test
    void aMethodWithoutAFileUsesTheDefault() {
        ContractTemplate tender = ContractTemplate.load(ProcurementMethod.OPEN_TENDER);
        assertFalse(tender.source().contains("over"), tender.source());
        assertTrue(tender.source().endsWith("default.properties"), tender.source());
        assertEquals("中标（成交）通知书", tender.awardNotice());
        assertEquals("合同签订后30日内", tender.defaultTerms().deliveryPeriod());
    }

    @Test
    void theDefaultTermsArePrepaymentThirtyAndSeventyOnAcceptanceWithAFivePercentBond() {
        ContractTerms t = ContractTemplate.load(ProcurementMethod.OPEN_TENDER).defaultTerms();
        assertEquals(
                List.of(
                        new Milestone("预付款", new BigDecimal("30.00"), "合同生效且乙方开具等额发票后十个工作日内"),
                        new Milestone("验收款", new BigDecimal("70.00"), "验收合格且乙方开具等额发票后十个工作日内")),
                t.milestones());
        assertEquals(new BigDecimal("5.00"), t.bondPercent());
        assertEquals(DisputeResolution.LITIGATION, t.dispute());
    }

    @Test
    void theFixedClausesAreThere() {
        List<String> headings =
                ContractTemplate.load(ProcurementMethod.SINGLE_SOURCE).clauses().stream()
                        .map(ContractTemplate.Clause::heading)
                        .toList();
        for (String fixed : List.of("违约责任", "廉洁条款", "合同生效及其他", "争议解决", "履约保证金")) {
            assertTrue(headings.contains(fixed), fixed + " in " + headings);
        }
    }

    @Test
    void anUnknownKeyIsRefusedAtLoad() throws IOException {
        IllegalStateException e = malformed(Map.of("clause.3.heding", "交货"));
        assertTrue(e.getMessage().contains("clause.3.heding"), e.getMessage());
        assertTrue(
                malformed(Map.of("method.AUCTION", "竞价")).getMessage().contains("method.AUCTION"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingTheKey() throws IOException {
        IllegalStateException e = malformed(Map.of("clause.3.text", "交货地点：{deliveryPlce}"));
        assertTrue(e.getMessage().contains("clause.3.text"), e.getMessage());
        assertTrue(e.getMessage().contains("{deliveryPlce}"), e.getMessage());
    }

    @Test
    void clausesAreNumberedWithoutGapsEachWithHeadingAndText() throws IOException {
        assertTrue(
                malformed(Map.of("clause.15.heading", "附则", "clause.15.text", "无。"))
                        .getMessage()
                        .contains("clause.14.heading"));
        assertTrue(
                malformed(Map.of("clause.14.heading", "附则"))
                        .getMessage()
                        .contains("clause.14.text"));
        // a fourteenth clause is fine
        ContractTemplate t =
                ContractTemplate.of(
                        ProcurementMethod.OPEN_TENDER,
                        Map.of(
                                "clause.14.heading",
                                "附则",
                                "clause.14.text",
                                "本合同附件：{contractTitle}技术规格书。"),
                        shippedDefault(),
                        "test");
        assertEquals(14, t.clauses().size());
    }

    @Test
    void theItemsTableAndThePaymentScheduleArePrintedOnceEach() throws IOException {
        assertTrue(malformed(Map.of("clause.1.text", "标的见附件。")).getMessage().contains("{items}"));
        assertTrue(
                malformed(Map.of("clause.5.text", "{warranty}\n{milestones}"))
                        .getMessage()
                        .contains("found 1 and 2"));
        assertTrue(
                malformed(Map.of("clause.1.text", "标的：{items}"))
                        .getMessage()
                        .contains("inside a paragraph"));
        assertTrue(
                malformed(Map.of("preamble", "{items}"))
                        .getMessage()
                        .contains("clause texts only"));
    }

    @Test
    void defaultTermsTheRulesRefuseStopTheLoad() throws IOException {
        IllegalStateException e = malformed(Map.of("terms.milestone.2", "验收款|60|验收合格后"));
        assertTrue(e.getMessage().contains("90 %"), e.getMessage());
        assertTrue(malformed(Map.of("terms.bondPercent", "12")).getMessage().contains("12 %"));
        assertTrue(
                malformed(Map.of("terms.bondPercent", "五"))
                        .getMessage()
                        .contains("terms.bondPercent"));
        assertTrue(
                malformed(Map.of("terms.dispute", "MEDIATION"))
                        .getMessage()
                        .contains("terms.dispute"));
        assertTrue(
                malformed(Map.of("terms.milestone.3", "尾款|0|质保期满后"))
                        .getMessage()
                        .contains("milestones[2].percent"));
        assertTrue(
                malformed(Map.of("terms.milestone.4", "尾款|10|质保期满后"))
                        .getMessage()
                        .contains("terms.milestone.3"));
        assertTrue(
                malformed(Map.of("terms.milestone.1", "预付款30%"))
                        .getMessage()
                        .contains("name|percent|condition"));
        assertTrue(
                malformed(Map.of("terms.warranty", "见{warranty}"))
                        .getMessage()
                        .contains("printed as typed"));
    }

    @Test
    void aTemplateFileMustBeUtf8() {
        byte[] gbk = "title=政府采购合同\n".getBytes(Charset.forName("GBK"));
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> ContractTemplate.parse(gbk, "GBK.properties"));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertEquals(
                "政府采购合同",
                ContractTemplate.parse("title=政府采购合同\n".getBytes(StandardCharsets.UTF_8), "x")
                        .get("title"));
    }

    @Test
    void placeholdersAreFilledInOnePass() {
        Map<String, String> v = new HashMap<>();
        v.put("deliveryPlace", "{warranty}仓库");
        v.put("warranty", "不应出现");
        assertEquals("交货地点：{warranty}仓库。", ContractTemplate.fill("交货地点：{deliveryPlace}。", v));
        assertThrows(IllegalArgumentException.class, () -> ContractTemplate.fill("{total}", v));
    }

    @Test
    void clausesAreNumberedInChinese() {
        assertEquals("一", ContractTemplate.chineseNumber(1));
        assertEquals("十", ContractTemplate.chineseNumber(10));
        assertEquals("十三", ContractTemplate.chineseNumber(13));
        assertEquals("二十", ContractTemplate.chineseNumber(20));
        assertEquals("九十九", ContractTemplate.chineseNumber(99));
    }
}
