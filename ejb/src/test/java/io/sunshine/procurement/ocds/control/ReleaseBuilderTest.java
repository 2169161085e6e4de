package io.sunshine.procurement.ocds.control;

import static io.sunshine.procurement.ocds.control.Samples.AGENCY;
import static io.sunshine.procurement.ocds.control.Samples.CHANGJIANG;
import static io.sunshine.procurement.ocds.control.Samples.DONGFANG;
import static io.sunshine.procurement.ocds.control.Samples.HUAXIN;
import static io.sunshine.procurement.ocds.control.Samples.PREFIX;
import static io.sunshine.procurement.ocds.control.Samples.REFERENCE;
import static io.sunshine.procurement.ocds.control.Samples.SCHOOL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseBuilderTest {
    private final ReleaseBuilder releases = new ReleaseBuilder(PREFIX);

    @Test
    void eachNoticeTypeGetsItsReleaseTag() {
        List<String> tags = new ArrayList<>();
        for (Notice n : Samples.everyType()) {
            tags.add(releases.build(n).getJsonArray("tag").getString(0));
        }
        assertEquals(
                List.of(
                        "planning",
                        "tender",
                        "tenderAmendment",
                        "tenderCancellation",
                        "award",
                        "contract",
                        "implementation"),
                tags);
    }

    @Test
    void everyReleaseHasTheProcessOcidItsNoticeIdAndTheCommonFields() {
        Set<String> ids = new HashSet<>();
        for (Notice n : Samples.everyType()) {
            JsonObject r = releases.build(n);
            assertEquals("ocds-lj2026-" + REFERENCE, r.getString("ocid"));
            assertEquals(n.noticeId(), r.getString("id"));
            assertTrue(ids.add(r.getString("id")), "release ids are unique per notice");
            assertEquals(OcdsDates.format(n.publishedAt()), r.getString("date"));
            assertEquals("tender", r.getString("initiationType"));
            assertEquals("zh", r.getString("language"));
            assertEquals(SCHOOL.partyId(), r.getJsonObject("buyer").getString("id"));
            assertEquals("临江市第一中学", r.getJsonObject("buyer").getString("name"));
        }
    }

    @Test
    void ocidPrefixMustBeARegisteredOcdsPrefix() {
        assertThrows(IllegalArgumentException.class, () -> new ReleaseBuilder("LJCG"));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseBuilder("ocds-abc"));
        assertThrows(IllegalArgumentException.class, () -> new ReleaseBuilder("ocds-ABC123"));
        assertEquals(
                "ocds-abc123-" + REFERENCE,
                new ReleaseBuilder("ocds-abc123").ocid(Samples.project()));
    }

    @ParameterizedTest
    @CsvSource({
        "OPEN_TENDER, open, 公开招标",
        "INVITED_TENDER, selective, 邀请招标",
        "COMPETITIVE_NEGOTIATION, selective, 竞争性谈判",
        "COMPETITIVE_CONSULTATION, selective, 竞争性磋商",
        "REQUEST_FOR_QUOTATION, selective, 询价",
        "SINGLE_SOURCE, direct, 单一来源",
        "REVERSE_AUCTION, open, 网上竞价"
    })
    void procurementMethodMapsToTheOcdsMethodCodelistWithTheChineseNameAsDetails(
            ProcurementMethod method, String code, String details) {
        Notice.Procurement n = Samples.procurement();
        Notice.Procurement withMethod =
                new Notice.Procurement(
                        n.noticeId(),
                        n.publishedAt(),
                        n.url(),
                        Samples.project(method, SCHOOL, AGENCY),
                        n.bidDeadline(),
                        n.openingTime());
        JsonObject tender = releases.build(withMethod).getJsonObject("tender");
        assertEquals(code, tender.getString("procurementMethod"));
        assertEquals(details, tender.getString("procurementMethodDetails"));
        assertEquals(
                method == ProcurementMethod.SINGLE_SOURCE,
                tender.containsKey("procurementMethodRationale"),
                "single source states its reason");
    }

    @Test
    void mainCategoryFollowsTheCatalogueLetterOfTheLargestValue() {
        assertEquals(List.of("goods"), ReleaseBuilder.categories(Samples.project()));
        Lot works =
                new Lot(
                        "1",
                        "教室改造工程",
                        new BigDecimal("900000.00"),
                        List.of(
                                new ProjectItem(
                                        "1-1",
                                        "B07000000",
                                        "装修工程",
                                        "计算机教室装修",
                                        BigDecimal.ONE,
                                        "项",
                                        new BigDecimal("900000.00"))));
        Lot services =
                new Lot(
                        "2",
                        "运维服务",
                        new BigDecimal("50000.00"),
                        List.of(
                                new ProjectItem(
                                        "2-1",
                                        "C16000000",
                                        "信息技术服务",
                                        "三年运维",
                                        BigDecimal.ONE,
                                        "项",
                                        new BigDecimal("50000.00"))));
        ProcurementProject mixed =
                new ProcurementProject(
                        "LJCG-2026-0050",
                        "计算机教室改造",
                        null,
                        ProcurementMethod.OPEN_TENDER,
                        null,
                        SCHOOL,
                        AGENCY,
                        List.of(services, works));
        assertEquals(List.of("works", "services"), ReleaseBuilder.categories(mixed));
        JsonObject tender =
                releases.build(
                                new Notice.Intention(
                                        "YX-2026-0200",
                                        Samples.at("2026-01-05T10:00"),
                                        null,
                                        mixed,
                                        java.time.LocalDate.of(2026, 4, 1)))
                        .getJsonObject("tender");
        assertEquals("works", tender.getString("mainProcurementCategory"));
        assertEquals(
                List.of("services"),
                strings(tender.getJsonArray("additionalProcurementCategories")));
    }

    @Test
    void itemsAreClassifiedByTheProcurementCatalogue() {
        JsonObject item =
                releases.build(Samples.procurement())
                        .getJsonObject("tender")
                        .getJsonArray("items")
                        .getJsonObject(0);
        assertEquals("1-1", item.getString("id"));
        JsonObject classification = item.getJsonObject("classification");
        assertEquals("CN-GPCC", classification.getString("scheme"));
        assertEquals("A02010105", classification.getString("id"));
        assertEquals("台式计算机", classification.getString("description"));
        assertEquals(new BigDecimal("120"), item.getJsonNumber("quantity").bigDecimalValue());
        assertEquals("台", item.getJsonObject("unit").getString("name"));
        assertAmount("4800.00", item.getJsonObject("unit").getJsonObject("value"));
    }

    @Test
    void amountsAreYuanWithTwoDecimalsInCny() {
        JsonObject planning = releases.build(Samples.intention());
        assertAmount(
                "840000.00",
                planning.getJsonObject("planning").getJsonObject("budget").getJsonObject("amount"));
        assertAmount("840000.00", planning.getJsonObject("tender").getJsonObject("value"));
        JsonArray awards = releases.build(Samples.award()).getJsonArray("awards");
        assertAmount("556800.00", awards.getJsonObject(0).getJsonObject("value"));
        assertAmount("238000.00", awards.getJsonObject(1).getJsonObject("value"));
        assertAmount(
                "556800.00",
                releases.build(Samples.contract())
                        .getJsonArray("contracts")
                        .getJsonObject(0)
                        .getJsonObject("value"));
        assertEquals(
                "{\"amount\":556800.00,\"currency\":\"CNY\"}",
                awards.getJsonObject(0).getJsonObject("value").toString(),
                "the number keeps its fen in the JSON text");
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRefusedNotRounded() {
        Notice.Award n = Samples.award();
        Notice.Award odd =
                new Notice.Award(
                        n.noticeId(),
                        n.publishedAt(),
                        n.url(),
                        n.project(),
                        List.of(new Notice.AwardedLot("1", HUAXIN, new BigDecimal("556800.005"))),
                        n.tenderers());
        assertThrows(ArithmeticException.class, () -> releases.build(odd));
    }

    @Test
    void buyerAndAgencyArePartiesIdentifiedByTheirCreditCode() {
        JsonObject r = releases.build(Samples.procurement());
        Map<String, JsonObject> parties = parties(r);
        assertEquals(Set.of(SCHOOL.partyId(), AGENCY.partyId()), parties.keySet());
        JsonObject school = parties.get("CN-USCC-12320100466000123X");
        assertEquals(List.of("buyer"), strings(school.getJsonArray("roles")));
        assertEquals("CN-USCC", school.getJsonObject("identifier").getString("scheme"));
        assertEquals("12320100466000123X", school.getJsonObject("identifier").getString("id"));
        assertEquals("临江市第一中学", school.getJsonObject("identifier").getString("legalName"));
        assertEquals("王老师", school.getJsonObject("contactPoint").getString("name"));
        assertEquals("临江市鼓楼区中山北路88号", school.getJsonObject("address").getString("streetAddress"));
        assertEquals(
                List.of("procuringEntity"),
                strings(parties.get(AGENCY.partyId()).getJsonArray("roles")));
        assertEquals(
                AGENCY.partyId(),
                r.getJsonObject("tender").getJsonObject("procuringEntity").getString("id"));
    }

    @Test
    void aUnitThatProcuresForItselfIsOnePartyWithBothRoles() {
        Notice.Procurement n = Samples.procurement();
        Notice.Procurement own =
                new Notice.Procurement(
                        n.noticeId(),
                        n.publishedAt(),
                        n.url(),
                        Samples.project(ProcurementMethod.REQUEST_FOR_QUOTATION, SCHOOL, SCHOOL),
                        n.bidDeadline(),
                        null);
        Map<String, JsonObject> parties = parties(releases.build(own));
        assertEquals(1, parties.size());
        assertEquals(
                List.of("buyer", "procuringEntity"),
                strings(parties.get(SCHOOL.partyId()).getJsonArray("roles")));
    }

    @Test
    void awardNamesWinnersAsSuppliersAndEveryBidderAsTenderer() {
        JsonObject r = releases.build(Samples.award());
        Map<String, JsonObject> parties = parties(r);
        assertEquals(
                List.of("tenderer", "supplier"),
                strings(parties.get(HUAXIN.partyId()).getJsonArray("roles")));
        assertEquals(
                List.of("tenderer"),
                strings(parties.get(CHANGJIANG.partyId()).getJsonArray("roles")));
        assertEquals(
                List.of("tenderer", "supplier"),
                strings(parties.get(DONGFANG.partyId()).getJsonArray("roles")));
        assertEquals(3, r.getJsonObject("tender").getInt("numberOfTenderers"));
        assertEquals(3, r.getJsonObject("tender").getJsonArray("tenderers").size());

        JsonObject lot1 = r.getJsonArray("awards").getJsonObject(0);
        assertEquals("JG-2026-0401-1", lot1.getString("id"));
        assertEquals("active", lot1.getString("status"));
        assertEquals(
                HUAXIN.partyId(), lot1.getJsonArray("suppliers").getJsonObject(0).getString("id"));
        assertEquals("1-1", lot1.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(
                "awardNotice",
                lot1.getJsonArray("documents").getJsonObject(0).getString("documentType"));
    }

    @Test
    void procurementNoticeOpensTheTenderPeriodUntilTheDeadline() {
        JsonObject tender = releases.build(Samples.procurement()).getJsonObject("tender");
        assertEquals(REFERENCE, tender.getString("id"));
        assertEquals("active", tender.getString("status"));
        assertEquals(
                "2026-03-02T09:30:00+08:00",
                tender.getJsonObject("tenderPeriod").getString("startDate"));
        assertEquals(
                "2026-03-23T09:30:00+08:00",
                tender.getJsonObject("tenderPeriod").getString("endDate"));
        assertEquals(
                List.of("electronicSubmission"), strings(tender.getJsonArray("submissionMethod")));
        JsonObject opening = tender.getJsonArray("milestones").getJsonObject(0);
        assertEquals("开标", opening.getString("title"));
        JsonObject doc = tender.getJsonArray("documents").getJsonObject(0);
        assertEquals("tenderNotice", doc.getString("documentType"));
        assertEquals("https://ccgp.linjiang.example.cn/notices/GG-2026-0301", doc.getString("url"));
    }

    @Test
    void intentionPlansTheBudgetAndTheExpectedStart() {
        JsonObject r = releases.build(Samples.intention());
        assertEquals(
                "临江市第一中学教学用计算机及多媒体设备采购项目",
                r.getJsonObject("planning").getJsonObject("budget").getString("description"));
        JsonObject tender = r.getJsonObject("tender");
        assertEquals("planning", tender.getString("status"));
        assertEquals(
                "2026-03-01T00:00:00+08:00",
                tender.getJsonObject("tenderPeriod").getString("startDate"));
    }

    @Test
    void correctionAmendsTheProcurementNoticeAndMovesTheDeadline() {
        JsonObject r = releases.build(Samples.correction());
        JsonObject tender = r.getJsonObject("tender");
        JsonObject amendment = tender.getJsonArray("amendments").getJsonObject(0);
        assertEquals("GZ-2026-0310", amendment.getString("id"));
        assertEquals("GG-2026-0301", amendment.getString("amendsReleaseID"));
        assertEquals(r.getString("id"), amendment.getString("releaseID"));
        assertEquals("2026-03-10T15:00:00+08:00", amendment.getString("date"));
        assertTrue(amendment.getString("rationale").startsWith("第1包技术参数更正"));
        assertEquals(
                "2026-03-27T09:30:00+08:00",
                tender.getJsonObject("tenderPeriod").getString("endDate"));
    }

    @Test
    void terminationCancelsTheTender() {
        JsonObject tender = releases.build(Samples.termination()).getJsonObject("tender");
        assertEquals("cancelled", tender.getString("status"));
        JsonObject doc = tender.getJsonArray("documents").getJsonObject(0);
        assertEquals("cancellationDetails", doc.getString("documentType"));
        assertEquals("因采购需求发生重大变化，终止本次采购活动", doc.getString("description"));
    }

    @Test
    void contractRefersToItsAwardAndStatesItsPeriod() {
        JsonObject award = releases.build(Samples.award()).getJsonArray("awards").getJsonObject(0);
        JsonObject contract =
                releases.build(Samples.contract()).getJsonArray("contracts").getJsonObject(0);
        assertEquals("LJCG-2026-0042-HT01", contract.getString("id"));
        assertEquals(award.getString("id"), contract.getString("awardID"));
        assertEquals("active", contract.getString("status"));
        assertEquals("2026-04-13T10:00:00+08:00", contract.getString("dateSigned"));
        assertEquals(
                "2026-04-15T00:00:00+08:00",
                contract.getJsonObject("period").getString("startDate"));
        assertEquals(
                "2026-06-30T23:59:59+08:00", contract.getJsonObject("period").getString("endDate"));
    }

    @Test
    void acceptanceIsAMetDeliveryMilestoneOfTheContract() {
        JsonObject contract =
                releases.build(Samples.acceptance()).getJsonArray("contracts").getJsonObject(0);
        assertEquals("LJCG-2026-0042-HT01", contract.getString("id"));
        assertEquals("JG-2026-0401-1", contract.getString("awardID"));
        JsonObject milestone =
                contract.getJsonObject("implementation")
                        .getJsonArray("milestones")
                        .getJsonObject(0);
        assertEquals("delivery", milestone.getString("type"));
        assertEquals("met", milestone.getString("status"));
        assertEquals("2026-07-08T15:30:00+08:00", milestone.getString("dateMet"));
    }

    @Test
    void everyDateIsWrittenInShanghaiTimeWithItsOffset() {
        Pattern shanghai = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
        int seen = 0;
        for (Notice n : Samples.everyType()) {
            List<String> dates = new ArrayList<>();
            collectDates(releases.build(n), "", dates);
            assertFalse(dates.isEmpty());
            for (String d : dates) {
                assertTrue(shanghai.matcher(d).matches(), d + " in " + n.noticeId());
                seen++;
            }
        }
        assertTrue(seen > 20, "dates checked: " + seen);
    }

    @Test
    void aNoticeForALotTheProjectDoesNotHaveIsRefused() {
        Notice.Award n = Samples.award();
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new Notice.Award(
                                n.noticeId(),
                                n.publishedAt(),
                                n.url(),
                                n.project(),
                                List.of(new Notice.AwardedLot("9", HUAXIN, BigDecimal.TEN)),
                                List.of()));
    }

    /** Fields that hold a date: the release date and every *Date, date*, dueDate. */
    private static void collectDates(JsonValue v, String key, List<String> out) {
        if (v instanceof JsonObject o) {
            o.forEach((k, child) -> collectDates(child, k, out));
        } else if (v instanceof JsonArray a) {
            a.forEach(child -> collectDates(child, key, out));
        } else if (v instanceof JsonString s
                && (key.equals("date") || key.endsWith("Date") || key.startsWith("date"))) {
            out.add(s.getString());
        }
    }

    static Map<String, JsonObject> parties(JsonObject release) {
        Map<String, JsonObject> out = new java.util.LinkedHashMap<>();
        for (JsonValue p : release.getJsonArray("parties")) {
            out.put(p.asJsonObject().getString("id"), p.asJsonObject());
        }
        return out;
    }

    static List<String> strings(JsonArray a) {
        return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void assertAmount(String expected, JsonObject value) {
        assertEquals(new BigDecimal(expected), value.getJsonNumber("amount").bigDecimalValue());
        assertEquals("CNY", value.getString("currency"));
    }
}
