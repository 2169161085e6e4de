package io.sunshine.procurement.ocds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.directory.entity.Organisation;
import io.sunshine.directory.entity.OrganisationType;
import io.sunshine.procurement.notice.entity.NoticeType;
import io.sunshine.procurement.notice.entity.PublishedNotice;
import io.sunshine.procurement.project.entity.LotItem;
import io.sunshine.procurement.project.entity.Project;
import io.sunshine.procurement.project.entity.ProjectLot;
import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import io.sunshine.procurement.requirement.entity.Requirement;
import io.sunshine.procurement.requirement.entity.RequirementItem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * From stored rows to releases: a requirement of 滨江市教育局 with two items, its intention, the project
 * an agency opens from it in two lots, its procurement notice, a correction and a termination — as
 * the boundary reads them from the database.
 */
class NoticeMappingTest {
    private static final Instant CREATED = Samples.at("2026-01-02T09:00");
    private final ReleaseBuilder releases = new ReleaseBuilder("ocds-bj2026");
    private static final Organization WINNER =
            new Organization("滨江星海电脑有限公司", null, null, null, null, "301");
    private static final Organization RUNNER_UP =
            new Organization("滨江云帆信息技术有限公司", null, null, null, null, "302");

    private final Organisation unit =
            withId(
                    new Organisation(
                            "滨江市教育局",
                            OrganisationType.PURCHASING_UNIT,
                            "11330100026773546U",
                            null,
                            CREATED),
                    101L);
    private final Organisation agency =
            withId(
                    new Organisation("滨江市政府采购中心", OrganisationType.AGENCY, null, null, CREATED),
                    102L);
    private final Requirement requirement = requirement();
    private final Project project = project();

    private Requirement requirement() {
        Requirement r = withId(new Requirement(unit, CREATED, "purchaser1"), 50L);
        r.assignReference(2026);
        r.describe(
                "教学用计算机采购",
                "新建计算机教室两间",
                null,
                "A",
                ProcurementMethod.OPEN_TENDER,
                null,
                true,
                new BigDecimal("700000.00"),
                LocalDate.of(2026, 3, 1));
        r.getItems()
                .add(
                        withId(
                                new RequirementItem(
                                        r,
                                        1,
                                        "A02010105",
                                        "台式计算机",
                                        "i5/16G/512G SSD",
                                        new BigDecimal("100"),
                                        "台",
                                        new BigDecimal("5000.00"),
                                        new BigDecimal("500000.00")),
                                7001L));
        r.getItems()
                .add(
                        withId(
                                new RequirementItem(
                                        r,
                                        2,
                                        "A02020700",
                                        "电子白板",
                                        null,
                                        new BigDecimal("16"),
                                        "套",
                                        new BigDecimal("12500.00"),
                                        new BigDecimal("200000.00")),
                                7002L));
        return r;
    }

    private Project project() {
        Project p = withId(new Project(unit, agency, CREATED, "agency1"), 150L);
        p.assignReference(2026);
        p.describe(
                "滨江市教育局教学用计算机采购项目",
                "两包：计算机、电子白板",
                ProcurementMethod.OPEN_TENDER,
                null,
                "A",
                "具备相关资质",
                Samples.at("2026-03-23T09:30"),
                null);
        p.carry(List.of(requirement));
        ProjectLot one = new ProjectLot(p, 1, "第1包：计算机", null, false, null);
        one.carry(List.of(new LotItem(one, 1, requirement.getItems().get(0))));
        ProjectLot two = new ProjectLot(p, 2, "第2包：电子白板", null, true, null);
        two.carry(List.of(new LotItem(two, 1, requirement.getItems().get(1))));
        p.replaceLots(List.of(one, two));
        return p;
    }

    private static PublishedNotice notice(NoticeType type, long id, String publishedAt) {
        PublishedNotice n =
                withId(
                        new PublishedNotice(
                                type,
                                "标题",
                                "更正内容：第1包内存由8G调整为16G",
                                ProcurementMethod.OPEN_TENDER,
                                "A",
                                101L,
                                "滨江市教育局",
                                "滨江市政府采购中心",
                                new BigDecimal("700000.00"),
                                Samples.at(publishedAt),
                                "agency1",
                                "terms"),
                        id);
        n.assignNumber(2026);
        return n;
    }

    /** The sources as the boundary gives them: the project in the requirement's process. */
    private NoticeMapping.Sources sources() {
        return new NoticeMapping.Sources() {
            @Override
            public ProcurementProject project(long projectId) {
                assertEquals(150L, projectId);
                return NoticeMapping.project(project, requirement.getReference());
            }

            @Override
            public Requirement requirement(long requirementId) {
                assertEquals(50L, requirementId);
                return requirement;
            }

            @Override
            public String correctedNoticeNo(PublishedNotice correction) {
                assertEquals(200L, correction.getCorrectsId());
                return "GG-2026-000200";
            }

            @Override
            public List<Notice.AwardedLot> awardedLots(PublishedNotice award) {
                assertEquals(NoticeType.AWARD, award.getType());
                return List.of(new Notice.AwardedLot("1", WINNER, new BigDecimal("468000.00")));
            }

            @Override
            public List<Organization> tenderers(PublishedNotice award) {
                return List.of(WINNER, RUNNER_UP);
            }

            @Override
            public Optional<NoticeMapping.SignedContract> contract(PublishedNotice notice) {
                assertEquals(NoticeType.CONTRACT, notice.getType());
                if (notice.getId() != 450L) {
                    return Optional.empty();
                }
                PublishedNotice award = notice(NoticeType.AWARD, 400L, "2026-04-01T17:00");
                award.about(150L, null, null);
                return Optional.of(
                        new NoticeMapping.SignedContract(
                                "HT2026-000400",
                                award,
                                1,
                                new BigDecimal("468000.00"),
                                Samples.at("2026-04-08T10:00")));
            }
        };
    }

    private PublishedNotice intentionRow() {
        PublishedNotice n = notice(NoticeType.INTENTION, 100L, "2026-01-05T10:00");
        n.about(null, 50L, null);
        return n;
    }

    private PublishedNotice tenderRow() {
        PublishedNotice n = notice(NoticeType.PROCUREMENT, 200L, "2026-03-02T09:30");
        n.about(150L, null, null);
        n.deadlines(Samples.at("2026-03-23T09:30"), Samples.at("2026-03-23T09:30"), null);
        return n;
    }

    private PublishedNotice correctionRow() {
        PublishedNotice n = notice(NoticeType.CORRECTION, 250L, "2026-03-10T15:00");
        n.about(150L, null, 200L);
        n.deadlines(Samples.at("2026-03-27T09:30"), Samples.at("2026-03-27T09:30"), null);
        return n;
    }

    private PublishedNotice terminationRow() {
        PublishedNotice n = notice(NoticeType.TERMINATION, 300L, "2026-03-28T16:00");
        n.about(150L, null, null);
        return n;
    }

    private JsonObject release(PublishedNotice row) {
        return releases.build(NoticeMapping.notice(row, sources()).orElseThrow());
    }

    @Test
    void theIntentionAndTheProjectShareTheRequirementsOcid() {
        JsonObject planning = release(intentionRow());
        JsonObject tender = release(tenderRow());
        assertEquals("ocds-bj2026-XQ-2026-000050", planning.getString("ocid"));
        assertEquals(planning.getString("ocid"), tender.getString("ocid"));
        assertEquals("GG-2026-000100", planning.getString("id"));
        assertEquals("GG-2026-000200", tender.getString("id"));
        assertEquals(
                "SZCG-2026-000150",
                tender.getJsonObject("tender").getString("id"),
                "the tender id stays the project number");
    }

    @Test
    void anIntentionDescribesTheRequirementWithoutAProcuringEntity() {
        JsonObject r = release(intentionRow());
        assertEquals("planning", r.getJsonArray("tag").getString(0));
        assertEquals("2026-01-05T10:00:00+08:00", r.getString("date"));
        JsonObject tender = r.getJsonObject("tender");
        assertEquals("教学用计算机采购", tender.getString("title"));
        assertEquals("新建计算机教室两间", tender.getString("description"));
        assertEquals("planning", tender.getString("status"));
        assertFalse(tender.containsKey("procuringEntity"), "no agency is chosen yet");
        assertEquals(
                "2026-03-01T00:00:00+08:00",
                tender.getJsonObject("tenderPeriod").getString("startDate"));
        assertEquals(
                new BigDecimal("700000.00"),
                r.getJsonObject("planning")
                        .getJsonObject("budget")
                        .getJsonObject("amount")
                        .getJsonNumber("amount")
                        .bigDecimalValue());
        assertEquals(List.of("buyer"), roles(r).get("CN-USCC-11330100026773546U"));
        assertEquals(1, r.getJsonArray("parties").size());
    }

    @Test
    void itemsKeepTheirRequirementItemIdsInPlanningAndTender() {
        assertEquals(List.of("7001", "7002"), itemIds(release(intentionRow())));
        assertEquals(List.of("7001", "7002"), itemIds(release(tenderRow())));
        JsonObject first =
                release(tenderRow()).getJsonObject("tender").getJsonArray("items").getJsonObject(0);
        assertEquals("台式计算机：i5/16G/512G SSD", first.getString("description"));
        assertEquals("A02010105", first.getJsonObject("classification").getString("id"));
        assertEquals("台", first.getJsonObject("unit").getString("name"));
    }

    @Test
    void theCompiledRecordListsEachItemOnceAndTheAgencyAsProcuringEntity() {
        JsonObject record =
                RecordCompiler.compile(List.of(release(intentionRow()), release(tenderRow())));
        JsonObject compiled = record.getJsonObject("compiledRelease");
        assertEquals(List.of("7001", "7002"), itemIds(compiled));
        assertEquals("active", compiled.getJsonObject("tender").getString("status"));
        assertEquals(
                "SUNSHINE-ORG-102",
                compiled.getJsonObject("tender").getJsonObject("procuringEntity").getString("id"));
        assertEquals(List.of("buyer"), roles(compiled).get("CN-USCC-11330100026773546U"));
        assertEquals(List.of("procuringEntity"), roles(compiled).get("SUNSHINE-ORG-102"));
    }

    @Test
    void theTenderPublishesTheNoticesDeadlineAndTheProjectsLots() {
        JsonObject r = release(tenderRow());
        assertEquals("tender", r.getJsonArray("tag").getString(0));
        JsonObject tender = r.getJsonObject("tender");
        assertEquals("滨江市教育局教学用计算机采购项目", tender.getString("title"));
        assertEquals("open", tender.getString("procurementMethod"));
        assertEquals("公开招标", tender.getString("procurementMethodDetails"));
        assertEquals(
                "2026-03-23T09:30:00+08:00",
                tender.getJsonObject("tenderPeriod").getString("endDate"));
        assertEquals(
                new BigDecimal("700000.00"),
                tender.getJsonObject("value").getJsonNumber("amount").bigDecimalValue());
        assertEquals(List.of("buyer"), roles(r).get("CN-USCC-11330100026773546U"));
        assertEquals(List.of("procuringEntity"), roles(r).get("SUNSHINE-ORG-102"));
    }

    @Test
    void anOrganisationWithoutCreditCodeIsAPartyByItsPlatformNumberWithoutIdentifier() {
        JsonObject r = release(tenderRow());
        JsonObject agencyParty = party(r, "SUNSHINE-ORG-102");
        assertEquals("滨江市政府采购中心", agencyParty.getString("name"));
        assertFalse(agencyParty.containsKey("identifier"), "no scheme is claimed for it");
        JsonObject unitParty = party(r, "CN-USCC-11330100026773546U");
        assertEquals("CN-USCC", unitParty.getJsonObject("identifier").getString("scheme"));
        assertEquals("11330100026773546U", unitParty.getJsonObject("identifier").getString("id"));
    }

    @Test
    void aCorrectionAmendsTheNoticeItNamesWithItsTextAndTheDeadlineNowInForce() {
        JsonObject r = release(correctionRow());
        assertEquals("tenderAmendment", r.getJsonArray("tag").getString(0));
        JsonObject tender = r.getJsonObject("tender");
        JsonObject amendment = tender.getJsonArray("amendments").getJsonObject(0);
        assertEquals("GG-2026-000200", amendment.getString("amendsReleaseID"));
        assertEquals("GG-2026-000250", amendment.getString("releaseID"));
        assertEquals("更正内容：第1包内存由8G调整为16G", amendment.getString("rationale"));
        assertEquals(
                "2026-03-27T09:30:00+08:00",
                tender.getJsonObject("tenderPeriod").getString("endDate"));
    }

    @Test
    void aTerminationCancelsTheTenderWithTheNoticeText() {
        JsonObject r = release(terminationRow());
        assertEquals("tenderCancellation", r.getJsonArray("tag").getString(0));
        assertEquals("cancelled", r.getJsonObject("tender").getString("status"));
        assertEquals(
                "更正内容：第1包内存由8G调整为16G",
                r.getJsonObject("tender")
                        .getJsonArray("documents")
                        .getJsonObject(0)
                        .getString("description"));
    }

    @Test
    void aSingleSourceNoticeIsATenderOfMethodDirect() {
        PublishedNotice n = notice(NoticeType.SINGLE_SOURCE, 210L, "2026-03-02T09:30");
        n.about(150L, null, null);
        n.deadlines(Samples.at("2026-03-09T17:00"), null, null);
        JsonObject r = release(n);
        assertEquals("tender", r.getJsonArray("tag").getString(0));
        assertEquals(
                "2026-03-09T17:00:00+08:00",
                r.getJsonObject("tender").getJsonObject("tenderPeriod").getString("endDate"));
        assertFalse(r.getJsonObject("tender").containsKey("milestones"), "no opening");
    }

    @Test
    void acceptanceRowsAreNotYetMapped() {
        PublishedNotice n = notice(NoticeType.ACCEPTANCE, 400L, "2026-04-01T17:00");
        n.about(150L, null, null);
        assertEquals(Optional.empty(), NoticeMapping.notice(n, sources()));
        assertFalse(NoticeMapping.MAPPED.contains(NoticeType.ACCEPTANCE));
    }

    @Test
    void aContractNoticeIsAContractReleaseOfTheAwardedLotAsSigned() {
        assertTrue(NoticeMapping.MAPPED.contains(NoticeType.CONTRACT));
        PublishedNotice without = notice(NoticeType.CONTRACT, 440L, "2026-04-09T17:00");
        without.about(150L, null, null);
        assertEquals(Optional.empty(), NoticeMapping.notice(without, sources()));

        PublishedNotice n = notice(NoticeType.CONTRACT, 450L, "2026-04-09T17:00");
        n.about(150L, null, null);
        JsonObject r = release(n);
        assertEquals("contract", r.getJsonArray("tag").getString(0));
        JsonObject contract = r.getJsonArray("contracts").getJsonObject(0);
        assertEquals("HT2026-000400", contract.getString("id"));
        assertTrue(contract.getString("awardID").endsWith("-1"), contract.toString());
        assertEquals(
                0,
                new BigDecimal("468000.00")
                        .compareTo(
                                contract.getJsonObject("value")
                                        .getJsonNumber("amount")
                                        .bigDecimalValue()));
        assertEquals("2026-04-08T10:00:00+08:00", contract.getString("dateSigned"));
    }

    @Test
    void anAwardNoticeAwardsItsLotsToTheStoredSupplierAndAmountWithTheBiddersAsTenderers() {
        PublishedNotice n = notice(NoticeType.AWARD, 400L, "2026-04-01T17:00");
        n.about(150L, null, null);
        assertTrue(NoticeMapping.MAPPED.contains(NoticeType.AWARD));
        JsonObject r = release(n);
        assertEquals("award", r.getJsonArray("tag").getString(0));
        JsonObject award = r.getJsonArray("awards").getJsonObject(0);
        assertEquals(n.getNoticeNo() + "-1", award.getString("id"));
        assertEquals(
                0,
                new BigDecimal("468000.00")
                        .compareTo(
                                award.getJsonObject("value")
                                        .getJsonNumber("amount")
                                        .bigDecimalValue()));
        assertEquals(
                "滨江星海电脑有限公司", award.getJsonArray("suppliers").getJsonObject(0).getString("name"));
        assertEquals(2, r.getJsonObject("tender").getInt("numberOfTenderers"));
    }

    @Test
    void aRowIsMappedOnlyAsItsOwnType() {
        assertThrows(
                IllegalArgumentException.class,
                () -> NoticeMapping.intention(tenderRow(), requirement));
        assertThrows(
                IllegalArgumentException.class,
                () -> NoticeMapping.procurement(correctionRow(), sources().project(150L)));
    }

    @Test
    void theProjectCarriesTheProcessIdItIsGiven() {
        ProcurementProject own = NoticeMapping.project(project, project.getReference());
        assertEquals("ocds-bj2026-SZCG-2026-000150", releases.ocid(own));
        assertEquals("SZCG-2026-000150", own.reference());
        assertEquals(List.of("1", "2"), own.lots().stream().map(Lot::id).toList());
        assertEquals(new BigDecimal("500000.00"), own.lot("1").budget());
        assertNull(NoticeMapping.planned(requirement).procuringEntity());
    }

    @Test
    void theBuilderReadsTheProcessIdBackFromItsOwnOcidsOnly() {
        assertEquals(
                Optional.of("XQ-2026-000050"), releases.processId("ocds-bj2026-XQ-2026-000050"));
        assertEquals(Optional.empty(), releases.processId("ocds-zz9999-XQ-2026-000050"));
        assertEquals(Optional.empty(), releases.processId("ocds-bj2026-"));
        assertEquals(Optional.empty(), releases.processId(null));
    }

    private static List<String> itemIds(JsonObject release) {
        return release.getJsonObject("tender").getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }

    private static Map<String, List<String>> roles(JsonObject release) {
        return release.getJsonArray("parties").stream()
                .map(JsonValue::asJsonObject)
                .collect(
                        Collectors.toMap(
                                p -> p.getString("id"), p -> strings(p.getJsonArray("roles"))));
    }

    private static JsonObject party(JsonObject release, String id) {
        return release.getJsonArray("parties").stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("id").equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> strings(JsonArray a) {
        return a.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    /** Sets the id JPA would assign. */
    static <T> T withId(T entity, long id) {
        try {
            Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
