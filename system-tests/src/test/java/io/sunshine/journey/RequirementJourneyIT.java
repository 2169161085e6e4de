package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.put;
import static io.sunshine.support.TestServer.token;
import static io.sunshine.support.TestServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stage 1 over REST against the real EAR on PostgreSQL: budget lines and their ledger, the
 * requirement's life (draft, submit and freeze, approve or return and release, cancel), the method
 * rule table, the 30-day intention rule, object-level access, and the no-overspend guarantee under
 * concurrent submissions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RequirementJourneyIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static String finance;
    private static String purchaser1;
    private static String purchaser2;
    private static long eduUnitId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @BeforeAll
    static void signIn() {
        finance = token("finance1", DEMO_PASSWORD);
        purchaser1 = token("purchaser1", DEMO_PASSWORD);
        purchaser2 = token("purchaser2", DEMO_PASSWORD);
    }

    private static JsonArray array(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readArray();
        }
    }

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    private static long eduUnit() {
        if (eduUnitId == 0) {
            Answer lines = get("/api/v1/budget/lines", purchaser1, null);
            assertEquals(200, lines.status(), lines.body());
            JsonArray a = array(lines.body());
            assertTrue(a.size() > 0, "the demo gives the education bureau budget lines");
            eduUnitId = a.getJsonObject(0).getJsonNumber("unitId").longValue();
        }
        return eduUnitId;
    }

    /** A fresh line of the education bureau with this approved amount; returns its id. */
    private static long newLine(String approved) {
        Answer a =
                post(
                        "/api/v1/budget/lines",
                        Json.createObjectBuilder()
                                .add("fiscalYear", today().getYear())
                                .add("code", unique("IT-"))
                                .add("name", "测试指标")
                                .add("unitId", eduUnit())
                                .add("functionalCode", "2050299")
                                .add("economicCode", "31002")
                                .add("fundingSource", "GENERAL_PUBLIC_BUDGET")
                                .add("approved", approved)
                                .build()
                                .toString(),
                        finance,
                        null);
        assertEquals(201, a.status(), a.body());
        return a.json().getJsonNumber("id").longValue();
    }

    private static JsonObject line(long id, String token) {
        Answer a = get("/api/v1/budget/lines/" + id, token, null);
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    private static BigDecimal free(long lineId) {
        return line(lineId, finance).getJsonObject("line").getJsonNumber("free").bigDecimalValue();
    }

    private static String requirement(
            long lineId, String method, LocalDate start, JsonArrayBuilder items) {
        return Json.createObjectBuilder()
                .add("title", unique("测试需求"))
                .add("budgetLineId", lineId)
                .add("method", method)
                .add("plannedStart", start.toString())
                .add("items", items)
                .build()
                .toString();
    }

    private static JsonArrayBuilder item(String code, String qty, String price) {
        return Json.createArrayBuilder()
                .add(
                        Json.createObjectBuilder()
                                .add("catalogueCode", code)
                                .add("name", "台式计算机")
                                .add("specification", "8 核 / 16GB / 512GB")
                                .add("quantity", qty)
                                .add("unit", "台")
                                .add("unitPrice", price));
    }

    private static long draft(long lineId, String qty, String price, LocalDate start) {
        Answer a =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "COMPETITIVE_CONSULTATION",
                                start,
                                item("A02010105", qty, price)),
                        purchaser1,
                        null);
        assertEquals(201, a.status(), a.body());
        assertEquals("DRAFT", a.json().getString("state"));
        return a.json().getJsonNumber("id").longValue();
    }

    @Test
    void aUnitSubmitsFinanceApprovesAndTheIntentionIsPublished() {
        long lineId = newLine("500000.00");
        Answer created =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "REVERSE_AUCTION",
                                today().plusDays(40),
                                item("A02010105", "12", "5200.00")
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("catalogueCode", "A02010108")
                                                        .add("name", "便携式计算机")
                                                        .add("quantity", "2.5")
                                                        .add("unit", "台")
                                                        .add("unitPrice", "3333.33"))),
                        purchaser1,
                        null);
        assertEquals(201, created.status(), created.body());
        JsonObject r = created.json();
        assertEquals(new BigDecimal("70733.33"), r.getJsonNumber("total").bigDecimalValue());
        assertTrue(r.getString("reference").startsWith("XQ-" + today().getYear() + "-"));
        assertTrue(r.getBoolean("centralised"), "computers are in the centralised catalogue");
        long id = r.getJsonNumber("id").longValue();

        Answer submitted =
                post("/api/v1/requirements/" + id + "/submission", null, purchaser1, null);
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("SUBMITTED", submitted.json().getString("state"));
        assertEquals(new BigDecimal("429266.67"), free(lineId));

        Answer approved =
                post(
                        "/api/v1/requirements/" + id + "/approval",
                        "{\"note\":\"同意\"}",
                        finance,
                        null);
        assertEquals(200, approved.status(), approved.body());
        JsonObject intention = approved.json().getJsonObject("intention");
        assertEquals("PREPARED", intention.getString("state"));
        assertEquals(
                today().plusDays(40).toString().substring(0, 7),
                intention.getString("expectedMonth"));
        assertEquals(new BigDecimal("429266.67"), free(lineId), "approval keeps the freeze");

        Answer published =
                post(
                        "/api/v1/requirements/" + id + "/intention/publication",
                        null,
                        purchaser1,
                        null);
        assertEquals(200, published.status(), published.body());
        assertEquals("PUBLISHED", published.json().getJsonObject("intention").getString("state"));
        Answer open = get("/api/v1/intentions", null, null);
        assertEquals(200, open.status());
        assertTrue(open.body().contains(r.getString("reference")), "public without sign-in");

        JsonArray entries = line(lineId, finance).getJsonArray("entries");
        assertEquals(2, entries.size());
        assertEquals("FREEZE", entries.getJsonObject(1).getString("kind"));
        assertEquals(r.getString("reference"), entries.getJsonObject(1).getString("referenceId"));
    }

    @Test
    void aReturnNeedsAReasonAndReleasesTheFreeze() {
        long lineId = newLine("100000.00");
        long id = draft(lineId, "10", "5000.00", today().plusDays(40));
        assertEquals(
                200,
                post("/api/v1/requirements/" + id + "/submission", null, purchaser1, null)
                        .status());
        assertEquals(new BigDecimal("50000.00"), free(lineId));

        Answer noReason = post("/api/v1/requirements/" + id + "/return", "{}", finance, "zh-CN");
        assertEquals(400, noReason.status());
        assertEquals("REASON_REQUIRED", noReason.code());
        assertEquals(new BigDecimal("50000.00"), free(lineId), "a refusal changes nothing");

        Answer returned =
                post(
                        "/api/v1/requirements/" + id + "/return",
                        "{\"reason\":\"请补充技术参数\"}",
                        finance,
                        null);
        assertEquals(200, returned.status(), returned.body());
        assertEquals("RETURNED", returned.json().getString("state"));
        assertEquals("请补充技术参数", returned.json().getString("decisionNote"));
        assertEquals(new BigDecimal("100000.00"), free(lineId));

        // the unit changes it and submits again; then withdraws it
        Answer changed =
                put(
                        "/api/v1/requirements/" + id,
                        requirement(
                                lineId,
                                "COMPETITIVE_CONSULTATION",
                                today().plusDays(40),
                                item("A02010105", "8", "5000.00")),
                        purchaser1,
                        null);
        assertEquals(200, changed.status(), changed.body());
        assertEquals(
                200,
                post("/api/v1/requirements/" + id + "/submission", null, purchaser1, null)
                        .status());
        assertEquals(new BigDecimal("60000.00"), free(lineId));
        Answer cancelled =
                post("/api/v1/requirements/" + id + "/cancellation", null, purchaser1, null);
        assertEquals("CANCELLED", cancelled.json().getString("state"));
        assertEquals(new BigDecimal("100000.00"), free(lineId));
        Answer again = post("/api/v1/requirements/" + id + "/submission", null, purchaser1, "en");
        assertEquals(409, again.status());
        assertEquals("REQUIREMENT_STATE_INVALID", again.code());
        assertTrue(again.json().getString("detail").contains("cancelled"), again.body());

        JsonArray kinds = line(lineId, finance).getJsonArray("entries");
        assertEquals(
                List.of("APPROPRIATION", "FREEZE", "RELEASE", "FREEZE", "RELEASE"),
                kinds.stream().map(e -> e.asJsonObject().getString("kind")).toList());
        Answer verified = get("/api/v1/budget/lines/" + lineId + "/verification", finance, null);
        assertTrue(verified.json().getBoolean("consistent"), verified.body());
    }

    @Test
    void aFreezeBeyondTheFreeBalanceIsRefusedAndChangesNothing() {
        long lineId = newLine("50000.00");
        long id = draft(lineId, "12", "5000.00", today().plusDays(40));
        Answer refused =
                post("/api/v1/requirements/" + id + "/submission", null, purchaser1, "zh-CN");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("BUDGET_INSUFFICIENT", refused.code());
        assertTrue(refused.json().getString("detail").contains("50,000.00"), refused.body());
        assertTrue(refused.json().getString("detail").contains("60,000.00"), refused.body());
        assertEquals(
                "DRAFT",
                get("/api/v1/requirements/" + id, purchaser1, null).json().getString("state"));
        assertEquals(1, line(lineId, finance).getJsonArray("entries").size());
    }

    /**
     * Twenty requirements of 10,000 yuan each, submitted at the same instant against a line with
     * 95,000 free: exactly nine freezes fit, the other eleven are refused, and the line ends with
     * 5,000 free — never below zero.
     */
    @Test
    void concurrentSubmissionsNeverFreezeMoreThanTheFreeBalance() throws Exception {
        long lineId = newLine("95000.00");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(draft(lineId, "2", "5000.00", today().plusDays(40)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (long id : ids) {
                Callable<Answer> submit =
                        () -> {
                            start.await();
                            return post(
                                    "/api/v1/requirements/" + id + "/submission",
                                    null,
                                    purchaser1,
                                    null);
                        };
                answers.add(pool.submit(submit));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                if (a.status() == 200) {
                    ok++;
                } else {
                    assertEquals(422, a.status(), a.body());
                    assertEquals("BUDGET_INSUFFICIENT", a.code());
                    refused++;
                }
            }
            assertEquals(9, ok);
            assertEquals(11, refused);
        } finally {
            pool.shutdownNow();
        }
        JsonObject l = line(lineId, finance).getJsonObject("line");
        assertEquals(new BigDecimal("90000.00"), l.getJsonNumber("frozen").bigDecimalValue());
        assertEquals(new BigDecimal("5000.00"), l.getJsonNumber("free").bigDecimalValue());
        // the database agrees, entry by entry
        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT COUNT(*), SUM(amount), MIN(approved_after - frozen_after -"
                                        + " spent_after) FROM budget_entry WHERE line_id = ? AND"
                                        + " kind = 'FREEZE'")) {
            s.setLong(1, lineId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(9, rs.getInt(1));
                assertEquals(new BigDecimal("90000.00"), rs.getBigDecimal(2));
                assertTrue(rs.getBigDecimal(3).signum() >= 0);
            }
        }
        assertTrue(
                get("/api/v1/budget/lines/" + lineId + "/verification", finance, null)
                        .json()
                        .getBoolean("consistent"));
    }

    @Test
    void theRuleTableDecidesTheMethod() {
        long lineId = newLine("3000000.00");
        Answer big =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "COMPETITIVE_NEGOTIATION",
                                today().plusDays(40),
                                item("A02320000", "2", "1250000.00")),
                        purchaser1,
                        "zh-CN");
        assertEquals(422, big.status(), big.body());
        assertEquals("METHOD_REQUIRES_OPEN_TENDER", big.code());
        assertEquals("method", big.json().getString("field"));
        assertTrue(big.json().getString("detail").contains("2,000,000.00"), big.body());

        Answer quotationForServices =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "REQUEST_FOR_QUOTATION",
                                today().plusDays(40),
                                item("C21040000", "12", "10000.00")),
                        purchaser1,
                        "en");
        assertEquals(422, quotationForServices.status());
        assertEquals("PROCUREMENT_METHOD_NOT_ALLOWED", quotationForServices.code());

        Answer unknownCode =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "OPEN_TENDER",
                                today().plusDays(40),
                                item("A99999999", "1", "10.00")),
                        purchaser1,
                        null);
        assertEquals(422, unknownCode.status());
        assertEquals("CATALOGUE_CODE_UNKNOWN", unknownCode.code());

        Answer open =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "OPEN_TENDER",
                                today().plusDays(40),
                                item("A02320000", "2", "1250000.00")),
                        purchaser1,
                        null);
        assertEquals(201, open.status(), open.body());

        // the administrator raises the goods threshold; negotiation becomes possible
        String admin = token("admin", DEMO_PASSWORD);
        assertEquals(
                403,
                put(
                                "/api/v1/rules/procurement-methods",
                                "{\"open-tender.threshold.A\":\"3000000.00\"}",
                                finance,
                                null)
                        .status());
        Answer bad =
                put(
                        "/api/v1/rules/procurement-methods",
                        "{\"open-tender.threshold.A\":\"-5\"}",
                        admin,
                        null);
        assertEquals(400, bad.status());
        assertEquals("RULE_VALUE_INVALID", bad.code());
        try {
            Answer raised =
                    put(
                            "/api/v1/rules/procurement-methods",
                            "{\"open-tender.threshold.A\":\"3000000.00\"}",
                            admin,
                            null);
            assertEquals(200, raised.status(), raised.body());
            Answer negotiated =
                    post(
                            "/api/v1/requirements",
                            requirement(
                                    lineId,
                                    "COMPETITIVE_NEGOTIATION",
                                    today().plusDays(40),
                                    item("A02320000", "2", "1250000.00")),
                            purchaser1,
                            null);
            assertEquals(201, negotiated.status(), negotiated.body());
        } finally {
            assertEquals(
                    200,
                    put(
                                    "/api/v1/rules/procurement-methods",
                                    "{\"open-tender.threshold.A\":\"2000000.00\"}",
                                    admin,
                                    null)
                            .status());
        }
        Answer rules = get("/api/v1/rules/procurement-methods", null, null);
        assertEquals(200, rules.status(), "the rule table is public");
        assertTrue(rules.body().contains("\"value\":\"2000000.00\""), rules.body());
    }

    @Test
    void theIntentionIsRefusedLessThanThirtyDaysBeforeTheStart() {
        long lineId = newLine("100000.00");
        long id = draft(lineId, "1", "5000.00", today().plusDays(29));
        post("/api/v1/requirements/" + id + "/submission", null, purchaser1, null);
        assertEquals(
                200,
                post("/api/v1/requirements/" + id + "/approval", null, finance, null).status());
        Answer late =
                post(
                        "/api/v1/requirements/" + id + "/intention/publication",
                        null,
                        purchaser1,
                        "zh-CN");
        assertEquals(422, late.status(), late.body());
        assertEquals("INTENTION_TOO_LATE", late.code());
        assertTrue(late.json().getString("detail").contains(today().plusDays(29).toString()));
        assertTrue(
                late.json().getString("detail").contains(today().plusDays(30).toString()),
                "names the earliest start that would do: " + late.body());

        Answer moved =
                post(
                        "/api/v1/requirements/" + id + "/intention/publication",
                        "{\"plannedStart\":\"" + today().plusDays(30) + "\"}",
                        purchaser1,
                        null);
        assertEquals(200, moved.status(), moved.body());
        assertEquals(today().plusDays(30).toString(), moved.json().getString("plannedStart"));
        assertEquals("PUBLISHED", moved.json().getJsonObject("intention").getString("state"));
    }

    @Test
    void anotherUnitSeesNeitherTheRequirementNorTheLineAndTheRefusalIsAudited() throws Exception {
        long lineId = newLine("10000.00");
        long id = draft(lineId, "1", "5000.00", today().plusDays(40));
        String reference =
                get("/api/v1/requirements/" + id, purchaser1, null).json().getString("reference");

        Answer theirs = get("/api/v1/requirements/" + id, purchaser2, null);
        assertEquals(404, theirs.status());
        assertEquals("REQUIREMENT_NOT_FOUND", theirs.code());
        assertEquals(404, get("/api/v1/budget/lines/" + lineId, purchaser2, null).status());
        Answer submitTheirs =
                post("/api/v1/requirements/" + id + "/submission", null, purchaser2, null);
        assertEquals(404, submitTheirs.status());
        assertTrue(
                array(get("/api/v1/requirements", purchaser2, null).body()).stream()
                        .noneMatch(r -> r.asJsonObject().getJsonNumber("id").longValue() == id));
        // FINANCE does not see a draft either: it is the unit's own business until submitted
        assertEquals(404, get("/api/v1/requirements/" + id, finance, null).status());
        // a supplier has no business here at all
        String supplier = token("supplier1", DEMO_PASSWORD);
        assertEquals(403, get("/api/v1/requirements", supplier, null).status());
        assertEquals(403, get("/api/v1/budget/lines", supplier, null).status());

        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM audit_entry WHERE action = 'ACCESS_DENIED'"
                                        + " AND actor = 'purchaser2' AND object_id IN (?, ?)")) {
            s.setString(1, reference);
            s.setString(2, String.valueOf(lineId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertTrue(rs.getInt(1) >= 3, "each refused read or write is audited");
            }
        }
    }

    @Test
    void theLedgerIsAppendOnlyInTheDatabase() throws Exception {
        long lineId = newLine("1000.00");
        try (Connection c = TestServer.asApplication();
                Statement s = c.createStatement()) {
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () ->
                                    s.executeUpdate(
                                            "UPDATE budget_entry SET amount = 999999 WHERE line_id"
                                                    + " = "
                                                    + lineId));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            assertThrows(
                    SQLException.class,
                    () -> s.executeUpdate("DELETE FROM budget_entry WHERE line_id = " + lineId));
            // and a row that would overspend cannot be written at all
            assertThrows(
                    SQLException.class,
                    () ->
                            s.executeUpdate(
                                    "INSERT INTO budget_entry (id, line_id, entry_no, kind, amount,"
                                            + " approved_after, frozen_after, spent_after,"
                                            + " recorded_at, recorded_by) VALUES (-1, "
                                            + lineId
                                            + ", 2, 'FREEZE', 2000, 1000, 2000, 0, now(), 'x')"));
        }
    }

    @Test
    void badInputIsRefusedFieldByField() {
        long lineId = newLine("1000.00");
        Answer noItems =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "OPEN_TENDER",
                                today().plusDays(40),
                                Json.createArrayBuilder()),
                        purchaser1,
                        null);
        assertEquals("REQUIREMENT_ITEMS_MISSING", noItems.code());
        Answer badQuantity =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "OPEN_TENDER",
                                today().plusDays(40),
                                item("A02010105", "-1", "10")),
                        purchaser1,
                        "en");
        assertEquals(400, badQuantity.status());
        assertEquals("REQUIREMENT_ITEM_INVALID", badQuantity.code());
        assertEquals("items[0].quantity", badQuantity.json().getString("field"));
        Answer past =
                post(
                        "/api/v1/requirements",
                        requirement(
                                lineId,
                                "OPEN_TENDER",
                                today().minusDays(1),
                                item("A02010105", "1", "10")),
                        purchaser1,
                        null);
        assertEquals("PLANNED_START_INVALID", past.code());
        Answer badLine =
                post(
                        "/api/v1/budget/lines",
                        "{\"fiscalYear\":"
                                + today().getYear()
                                + ",\"code\":\"X\",\"name\":\"x\",\"unitId\":"
                                + eduUnit()
                                + ",\"functionalCode\":\"1050201\",\"economicCode\":\"31002\","
                                + "\"fundingSource\":\"GENERAL_PUBLIC_BUDGET\",\"approved\":\"1.00\"}",
                        finance,
                        "zh-CN");
        assertEquals(400, badLine.status());
        assertEquals("BUDGET_CLASSIFICATION_INVALID", badLine.code());
        assertEquals("functionalCode", badLine.json().getString("field"));
        Answer decrease =
                post(
                        "/api/v1/budget/lines/" + lineId + "/adjustments",
                        "{\"direction\":\"DECREASE\",\"amount\":\"1000.01\",\"reason\":\"压减\"}",
                        finance,
                        null);
        assertEquals(422, decrease.status());
        assertEquals("BUDGET_ADJUSTMENT_TOO_LOW", decrease.code());
        Answer purchaserAdjusts =
                post(
                        "/api/v1/budget/lines/" + lineId + "/adjustments",
                        "{\"direction\":\"INCREASE\",\"amount\":\"1.00\",\"reason\":\"x\"}",
                        purchaser1,
                        null);
        assertEquals(403, purchaserAdjusts.status());
    }

    @Test
    void theListExportsToExcel() throws Exception {
        long lineId = newLine("1234.50");
        String code = line(lineId, finance).getJsonObject("line").getString("code");
        HttpResponse<byte[]> xlsx =
                TestServer.download("/api/v1/budget/lines/export.xlsx", finance, "zh-CN");
        assertEquals(200, xlsx.statusCode());
        assertTrue(
                xlsx.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        String sheet = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(xlsx.body()))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertNotNull(sheet, "a workbook with a sheet");
        assertTrue(sheet.contains(code), "the new line is in the export");
        assertTrue(sheet.contains("可用余额"), "headed in Chinese");
        assertTrue(sheet.contains("<v>1234.50</v>"), "amounts are numbers");
        HttpResponse<byte[]> own =
                TestServer.download("/api/v1/budget/lines/export.xlsx", purchaser2, null);
        assertEquals(200, own.statusCode());
        String ownSheet = null;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(own.body()))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    ownSheet = new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertNotNull(ownSheet);
        assertTrue(!ownSheet.contains(code), "a unit's export holds only its own lines");
    }
}
