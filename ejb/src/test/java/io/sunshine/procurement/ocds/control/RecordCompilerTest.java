package io.sunshine.procurement.ocds.control;

import static io.sunshine.procurement.ocds.control.ReleaseBuilderTest.parties;
import static io.sunshine.procurement.ocds.control.ReleaseBuilderTest.strings;
import static io.sunshine.procurement.ocds.control.Samples.PREFIX;
import static io.sunshine.procurement.ocds.control.Samples.REFERENCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sunshine.procurement.requirement.entity.ProcurementMethod;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCompilerTest {
    private final ReleaseBuilder releases = new ReleaseBuilder(PREFIX);

    private List<JsonObject> completed() {
        return Samples.completedProcess().stream().map(releases::build).toList();
    }

    @Test
    void recordListsEveryReleaseOldestFirstWhateverTheOrderGiven() {
        List<JsonObject> shuffled = new ArrayList<>(completed());
        Collections.reverse(shuffled);
        JsonObject record = RecordCompiler.compile(shuffled);
        assertEquals("ocds-lj2026-" + REFERENCE, record.getString("ocid"));
        List<String> ids =
                record.getJsonArray("releases").stream()
                        .map(r -> r.asJsonObject().getString("id"))
                        .toList();
        assertEquals(
                List.of(
                        "YX-2026-0107",
                        "GG-2026-0301",
                        "GZ-2026-0310",
                        "JG-2026-0401",
                        "HT-2026-0415",
                        "YS-2026-0712"),
                ids);
    }

    @Test
    void compiledReleaseIsTaggedCompiledAndDatedByTheNewestRelease() {
        JsonObject compiled = RecordCompiler.compile(completed()).getJsonObject("compiledRelease");
        assertEquals(List.of("compiled"), strings(compiled.getJsonArray("tag")));
        assertEquals("2026-07-12T10:00:00+08:00", compiled.getString("date"));
        assertEquals(
                "ocds-lj2026-LJCG-2026-0042-2026-07-12T10:00:00+08:00", compiled.getString("id"));
        assertEquals("ocds-lj2026-" + REFERENCE, compiled.getString("ocid"));
        assertEquals("tender", compiled.getString("initiationType"));
    }

    @Test
    void laterReleasesOverrideEarlierValues() {
        JsonObject tender =
                RecordCompiler.compile(completed())
                        .getJsonObject("compiledRelease")
                        .getJsonObject("tender");
        assertEquals("active", tender.getString("status"), "planning → active");
        JsonObject period = tender.getJsonObject("tenderPeriod");
        assertEquals("2026-03-02T09:30:00+08:00", period.getString("startDate"));
        assertEquals(
                "2026-03-27T09:30:00+08:00",
                period.getString("endDate"),
                "the correction moved the deadline");
        assertEquals(3, tender.getInt("numberOfTenderers"), "from the award release");
        assertEquals("open", tender.getString("procurementMethod"));
    }

    @Test
    void arraysOfObjectsWithIdsMergeByIdentity() {
        JsonObject compiled = RecordCompiler.compile(completed()).getJsonObject("compiledRelease");
        JsonObject tender = compiled.getJsonObject("tender");
        assertEquals(
                List.of("YX-2026-0107", "GG-2026-0301", "GZ-2026-0310"),
                ids(tender.getJsonArray("documents")),
                "each notice's document is kept");
        assertEquals(List.of("1-1", "2-1"), ids(tender.getJsonArray("items")), "not duplicated");
        assertEquals(1, tender.getJsonArray("amendments").size());
        assertEquals(
                List.of("JG-2026-0401-1", "JG-2026-0401-2"), ids(compiled.getJsonArray("awards")));

        JsonArray contracts = compiled.getJsonArray("contracts");
        assertEquals(1, contracts.size(), "the acceptance merges into the signed contract");
        JsonObject contract = contracts.getJsonObject(0);
        assertEquals("2026-04-13T10:00:00+08:00", contract.getString("dateSigned"));
        assertEquals(
                "met",
                contract.getJsonObject("implementation")
                        .getJsonArray("milestones")
                        .getJsonObject(0)
                        .getString("status"));

        assertEquals(
                List.of("buyer"),
                strings(parties(compiled).get(Samples.SCHOOL.partyId()).getJsonArray("roles")));
        assertEquals(5, compiled.getJsonArray("parties").size(), "buyer, agency, three bidders");
    }

    @Test
    void aTerminationLeavesTheCompiledTenderCancelled() {
        JsonObject compiled =
                RecordCompiler.compile(
                                List.of(
                                        releases.build(Samples.procurement()),
                                        releases.build(Samples.termination())))
                        .getJsonObject("compiledRelease");
        assertEquals("cancelled", compiled.getJsonObject("tender").getString("status"));
        assertFalse(compiled.containsKey("awards"));
    }

    @Test
    void releasesOfAnotherProcessAreRefused() {
        Notice.Procurement n = Samples.procurement();
        ProcurementProject other =
                new ProcurementProject(
                        "LJCG-2026-0099",
                        "另一个项目",
                        null,
                        ProcurementMethod.OPEN_TENDER,
                        null,
                        Samples.SCHOOL,
                        Samples.AGENCY,
                        Samples.project().lots());
        JsonObject foreign =
                releases.build(
                        new Notice.Procurement(
                                "GG-2026-0999",
                                n.publishedAt(),
                                null,
                                other,
                                n.bidDeadline(),
                                null));
        assertThrows(
                IllegalArgumentException.class,
                () -> RecordCompiler.compile(List.of(releases.build(n), foreign)));
        assertThrows(IllegalArgumentException.class, () -> RecordCompiler.compile(List.of()));
    }

    private static List<String> ids(JsonArray a) {
        return a.stream().map(JsonValue::asJsonObject).map(o -> o.getString("id")).toList();
    }
}
