package io.sunshine.journey;

import static io.sunshine.support.Procurement.check;
import static io.sunshine.support.Procurement.deadlineIn;
import static io.sunshine.support.Procurement.itemIds;
import static io.sunshine.support.Procurement.projectBody;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.postBytes;
import static io.sunshine.support.TestServer.put;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Procurement;
import io.sunshine.support.Procurement.Item;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stage 2 over REST against the real EAR on PostgreSQL: an agency opens a project from approved
 * plans, divides it into lots, uploads the documents and publishes it — refused, with the rule
 * cited, while the deadline leaves less than the statutory period; corrections move a deadline that
 * has become too close; termination frees the plans; every step a stored, unchangeable notice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProjectJourneyIT {
    private static final List<Item> GOODS =
            List.of(
                    new Item("A02021004", "A4彩色打印机", "10", "台", "3000.00"),
                    new Item("A02020700", "电子白板", "4", "块", "12000.00"));
    private static String finance;
    private static String purchaser;
    private static String agency;
    private static String supplier;
    private static String admin;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @BeforeAll
    static void signIn() {
        finance = token("finance1", DEMO_PASSWORD);
        purchaser = token("purchaser1", DEMO_PASSWORD);
        agency = token("agency1", DEMO_PASSWORD);
        supplier = token("supplier1", DEMO_PASSWORD);
        admin = token("admin", DEMO_PASSWORD);
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    private static JsonObject plan(String method) {
        return Procurement.approvedPlan(purchaser, finance, method, null, GOODS);
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    @Test
    void anAgencyOpensDividesDocumentsAndPublishesAProjectOnlyWithALawfulDeadline() {
        JsonObject plan = plan("REQUEST_FOR_QUOTATION");
        List<Long> items = itemIds(plan);
        String body =
                Json.createObjectBuilder()
                        .add("requirementIds", Json.createArrayBuilder().add(id(plan)))
                        .add("title", "打印机和电子白板询价采购")
                        .add("method", "REQUEST_FOR_QUOTATION")
                        .add("bidDeadline", deadlineIn(1))
                        .add(
                                "lots",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("title", "第1包：打印机")
                                                        .add(
                                                                "requirementItemIds",
                                                                Json.createArrayBuilder()
                                                                        .add(items.get(0)))
                                                        .add("bidSecurity", "600.00"))
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("title", "第2包：电子白板")
                                                        .add(
                                                                "requirementItemIds",
                                                                Json.createArrayBuilder()
                                                                        .add(items.get(1)))
                                                        .add("smeOnly", true)))
                        .build()
                        .toString();
        JsonObject p = check(post("/api/v1/projects", body, agency, null), 201, "open");
        long pid = id(p);
        assertEquals("DRAFT", p.getString("state"));
        assertEquals(2, p.getJsonArray("lots").size());
        assertEquals(
                "30000.00",
                p.getJsonArray("lots")
                        .getJsonObject(0)
                        .getJsonNumber("budget")
                        .bigDecimalValue()
                        .setScale(2)
                        .toPlainString());
        assertTrue(p.getJsonArray("lots").getJsonObject(1).getBoolean("smeOnly"));
        assertEquals(
                "78000.00",
                p.getJsonNumber("budget").bigDecimalValue().setScale(2).toPlainString());

        // a draft is not public: the supplier does not see it, the refusal is audited
        assertEquals(404, get("/api/v1/projects/" + pid, supplier, null).status());

        // no documents yet
        Answer noDocs = post("/api/v1/projects/" + pid + "/publish", "", agency, "zh-CN");
        assertEquals(422, noDocs.status(), noDocs.body());
        assertEquals("PROJECT_DOCUMENTS_MISSING", noDocs.code());

        // a document must be a PDF by its content
        Answer notPdf =
                postBytes(
                        "/api/v1/projects/" + pid + "/documents?name=x.pdf",
                        "hello".getBytes(),
                        "application/pdf",
                        agency,
                        null);
        assertEquals(415, notPdf.status(), notPdf.body());
        JsonObject doc = Procurement.upload(agency, pid, "询价文件.pdf");
        assertEquals(64, doc.getString("sha256").length());

        // the deadline leaves one day: request for quotation needs three working days
        Answer tooShort = post("/api/v1/projects/" + pid + "/publish", "", agency, "zh-CN");
        assertEquals(422, tooShort.status(), tooShort.body());
        assertEquals("NOTICE_PERIOD_TOO_SHORT", tooShort.code());
        assertTrue(tooShort.json().getString("detail").contains("3 个工作日"), tooShort.body());
        Answer tooShortEn = post("/api/v1/projects/" + pid + "/publish", "", agency, "en");
        assertTrue(
                tooShortEn.json().getString("detail").contains("3 working days"),
                tooShortEn.body());
        assertEquals(
                "DRAFT",
                check(get("/api/v1/projects/" + pid, agency, null), 200, "get").getString("state"));

        // the agency moves the deadline and publishes
        String fixed = body.replace(deadlineIn(1), deadlineIn(12));
        check(put("/api/v1/projects/" + pid, fixed, agency, null), 200, "fix deadline");
        JsonObject published =
                check(
                        post("/api/v1/projects/" + pid + "/publish", "", agency, null),
                        200,
                        "publish");
        assertEquals("PUBLISHED", published.getString("state"));
        JsonObject notice = published.getJsonArray("notices").getJsonObject(0);
        assertEquals("PROCUREMENT", notice.getString("type"));
        assertTrue(
                notice.getString("title").endsWith("打印机和电子白板询价采购询价公告"), notice.getString("title"));
        assertTrue(notice.getString("noticeNo").startsWith("GG-"));

        // published: no more edits; the plan cannot go into a second project
        assertEquals(409, put("/api/v1/projects/" + pid, fixed, agency, null).status());
        Answer again = post("/api/v1/projects", fixed, agency, "zh-CN");
        assertEquals(422, again.status(), again.body());
        assertEquals("PROJECT_REQUIREMENT_UNAVAILABLE", again.code());
        assertTrue(
                again.json().getString("detail").contains(published.getString("reference")),
                again.body());

        // the supplier now sees it and downloads the document; the download is recorded
        check(get("/api/v1/projects/" + pid, supplier, null), 200, "supplier sees");
        HttpResponse<byte[]> pdf =
                TestServer.download(
                        "/api/v1/projects/" + pid + "/documents/" + id(doc), supplier, null);
        assertEquals(200, pdf.statusCode());
        assertEquals(doc.getString("sha256"), sha256(pdf.body()));
        assertEquals(
                1, count("SELECT count(*) FROM document_download WHERE document_id = " + id(doc)));

        // the stored notice: rendered body, search terms with the Chinese pairs, and unchangeable
        String no = notice.getString("noticeNo");
        try (Connection c = TestServer.asApplication();
                PreparedStatement s =
                        c.prepareStatement(
                                "SELECT body, search_terms FROM notice WHERE notice_no = ?")) {
            s.setString(1, no);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).contains("第2包：电子白板"));
                assertTrue(rs.getString(1).contains("专门面向中小企业"));
                assertTrue((" " + rs.getString(2) + " ").contains(" 白板 "));
            }
            SQLException e =
                    assertThrows(
                            SQLException.class,
                            () -> {
                                try (Statement u = c.createStatement()) {
                                    u.executeUpdate(
                                            "UPDATE notice SET title = 'x' WHERE notice_no = '"
                                                    + no
                                                    + "'");
                                }
                            });
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTenderLeavesTwentyDaysAndTheRefusalCitesArticle35() {
        JsonObject plan = plan("OPEN_TENDER");
        JsonObject p =
                check(
                        post(
                                "/api/v1/projects",
                                projectBody(
                                        id(plan), "电子白板公开招标", "OPEN_TENDER", deadlineIn(15), null),
                                agency,
                                null),
                        201,
                        "open");
        Procurement.upload(agency, id(p), "招标文件.pdf");
        Answer refused = post("/api/v1/projects/" + id(p) + "/publish", "", agency, "zh-CN");
        assertEquals("NOTICE_PERIOD_TOO_SHORT", refused.code(), refused.body());
        assertTrue(refused.json().getString("detail").contains("第三十五条"), refused.body());
        check(
                put(
                        "/api/v1/projects/" + id(p),
                        projectBody(id(plan), "电子白板公开招标", "OPEN_TENDER", deadlineIn(30), null),
                        agency,
                        null),
                200,
                "move");
        JsonObject published =
                check(
                        post("/api/v1/projects/" + id(p) + "/publish", "", agency, null),
                        200,
                        "publish");
        // a tender opens at the bid deadline (开标 at the same time)
        assertEquals(published.getString("bidDeadline"), published.getString("openingTime"));
    }

    @Test
    void bidSecurityAboveTwoPerCentOfTheLotIsRefused() {
        JsonObject plan = plan("REQUEST_FOR_QUOTATION");
        String body =
                Json.createObjectBuilder()
                        .add("requirementIds", Json.createArrayBuilder().add(id(plan)))
                        .add("title", "保证金测试")
                        .add(
                                "lots",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("title", "全部")
                                                        .add(
                                                                "requirementItemIds",
                                                                Json.createArrayBuilder()
                                                                        .add(itemIds(plan).get(0))
                                                                        .add(itemIds(plan).get(1)))
                                                        .add("bidSecurity", "1560.01")))
                        .build()
                        .toString();
        Answer a = post("/api/v1/projects", body, agency, "zh-CN");
        assertEquals(422, a.status(), a.body());
        assertEquals("BID_SECURITY_TOO_HIGH", a.code());
        assertTrue(
                a.json().getString("detail").contains("1,560.00")
                        || a.json().getString("detail").contains("1560.00"),
                a.body());
        check(
                post("/api/v1/projects", body.replace("1560.01", "1560.00"), agency, null),
                201,
                "exactly 2 %");
    }

    @Test
    void lotsMustHoldEveryItemExactlyOnce() {
        JsonObject plan = plan("REQUEST_FOR_QUOTATION");
        String body =
                Json.createObjectBuilder()
                        .add("requirementIds", Json.createArrayBuilder().add(id(plan)))
                        .add("title", "分包测试")
                        .add(
                                "lots",
                                Json.createArrayBuilder()
                                        .add(
                                                Json.createObjectBuilder()
                                                        .add("title", "只有一件")
                                                        .add(
                                                                "requirementItemIds",
                                                                Json.createArrayBuilder()
                                                                        .add(
                                                                                itemIds(plan)
                                                                                        .get(0)))))
                        .build()
                        .toString();
        Answer a = post("/api/v1/projects", body, agency, "en");
        assertEquals(422, a.status(), a.body());
        assertEquals("PROJECT_LOTS_INVALID", a.code());
        assertTrue(a.json().getString("detail").contains("is in no lot"), a.body());
    }

    @Test
    void aPurchaserRunsOnlyItsOwnDecentralisedPlansAndNobodyElsesProject() {
        // desktop computers are on the centralised catalogue: the unit may not run them itself
        JsonObject central =
                Procurement.approvedPlan(
                        purchaser,
                        finance,
                        "REQUEST_FOR_QUOTATION",
                        null,
                        List.of(new Item("A02010105", "台式计算机", "5", "台", "5000.00")));
        Answer refused =
                post(
                        "/api/v1/projects",
                        projectBody(
                                id(central),
                                "自行采购电脑",
                                "REQUEST_FOR_QUOTATION",
                                deadlineIn(12),
                                null),
                        purchaser,
                        "en");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("PROJECT_REQUIREMENT_UNAVAILABLE", refused.code());
        assertTrue(refused.json().getString("detail").contains("centralised"), refused.body());

        JsonObject own =
                Procurement.approvedPlan(
                        purchaser,
                        finance,
                        "REQUEST_FOR_QUOTATION",
                        null,
                        List.of(new Item("A02020700", "电子白板", "2", "块", "12000.00")));
        JsonObject p =
                check(
                        post(
                                "/api/v1/projects",
                                projectBody(
                                        id(own),
                                        "自行组织询价",
                                        "REQUEST_FOR_QUOTATION",
                                        deadlineIn(12),
                                        null),
                                purchaser,
                                null),
                        201,
                        "self-run");
        assertEquals(
                p.getJsonObject("buyer").getJsonNumber("id"),
                p.getJsonObject("agency").getJsonNumber("id"));
        // the agency does not manage it: not found, audited
        long before =
                count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND"
                                + " object_id = '"
                                + p.getString("reference")
                                + "'");
        assertEquals(
                404, post("/api/v1/projects/" + id(p) + "/publish", "", agency, null).status());
        assertEquals(
                before + 1,
                count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'ACCESS_DENIED' AND"
                                + " object_id = '"
                                + p.getString("reference")
                                + "'"));
        // another unit's purchaser does not even see it
        assertEquals(
                404,
                get("/api/v1/projects/" + id(p), token("purchaser2", DEMO_PASSWORD), null)
                        .status());
    }

    @Test
    void aLateCorrectionMovesTheDeadlineAndTerminationFreesThePlan() {
        JsonObject plan = plan("REQUEST_FOR_QUOTATION");
        JsonObject p =
                Procurement.published(
                        agency, id(plan), "询价更正测试", "REQUEST_FOR_QUOTATION", deadlineIn(12));
        long pid = id(p);
        Instant deadline = OffsetDateTime.parse(p.getString("bidDeadline")).toInstant();

        // a correction that does not affect the bids leaves the deadline
        JsonObject c1 =
                check(
                        post(
                                "/api/v1/projects/" + pid + "/corrections",
                                "{\"rationale\":\"更正联系电话\",\"affectsBids\":false}",
                                agency,
                                null),
                        200,
                        "c1");
        assertEquals(deadline, OffsetDateTime.parse(c1.getString("bidDeadline")).toInstant());

        // eleven days later the deadline is tomorrow: a correction of the specification must move
        // it
        check(
                post("/api/v1/test-clock", "{\"seconds\":" + 11 * 86400 + "}", admin, null),
                200,
                "advance");
        String agencyNow = token("agency1", DEMO_PASSWORD);
        Answer noReason =
                post(
                        "/api/v1/projects/" + pid + "/corrections",
                        "{\"affectsBids\":true}",
                        agencyNow,
                        null);
        assertEquals("REASON_REQUIRED", noReason.code(), noReason.body());
        JsonObject c2 =
                check(
                        post(
                                "/api/v1/projects/" + pid + "/corrections",
                                "{\"rationale\":\"第1包技术参数修改\",\"affectsBids\":true}",
                                agencyNow,
                                null),
                        200,
                        "c2");
        Instant moved = OffsetDateTime.parse(c2.getString("bidDeadline")).toInstant();
        assertTrue(moved.isAfter(deadline), moved + " after " + deadline);
        assertEquals(3, c2.getJsonArray("notices").size());
        assertEquals("CORRECTION", c2.getJsonArray("notices").getJsonObject(2).getString("type"));

        // a correction asking for a new deadline that is still too close is refused, citing the
        // rule
        String tooClose = Procurement.deadlineIn(12);
        Answer refused =
                post(
                        "/api/v1/projects/" + pid + "/corrections",
                        "{\"rationale\":\"再改\",\"affectsBids\":true,\"newBidDeadline\":\""
                                + tooClose
                                + "\"}",
                        agencyNow,
                        "zh-CN");
        assertEquals("CORRECTION_DEADLINE_TOO_EARLY", refused.code(), refused.body());

        // termination needs a reason, publishes the notice, and frees the plan for a new project
        assertEquals(
                "REASON_REQUIRED",
                post("/api/v1/projects/" + pid + "/termination", "{}", agencyNow, null).code());
        JsonObject t =
                check(
                        post(
                                "/api/v1/projects/" + pid + "/termination",
                                "{\"reason\":\"采购需求发生重大变更\"}",
                                agencyNow,
                                null),
                        200,
                        "terminate");
        assertEquals("TERMINATED", t.getString("state"));
        assertEquals("TERMINATION", t.getJsonArray("notices").getJsonObject(3).getString("type"));
        JsonObject again =
                check(
                        post(
                                "/api/v1/projects",
                                projectBody(
                                        id(plan),
                                        "重新采购",
                                        "REQUEST_FOR_QUOTATION",
                                        deadlineIn(12),
                                        null),
                                agencyNow,
                                null),
                        201,
                        "reopen");
        assertNotEquals(pid, id(again));
    }

    @Test
    void badInputIsASpecificProblemAndChangesNothing() {
        JsonObject plan = plan("REQUEST_FOR_QUOTATION");
        Answer badTime =
                post(
                        "/api/v1/projects",
                        projectBody(id(plan), "x", "REQUEST_FOR_QUOTATION", "明天上午", null),
                        agency,
                        "zh-CN");
        assertEquals(400, badTime.status(), badTime.body());
        assertEquals("DATE_TIME_INVALID", badTime.code());
        Answer badIds =
                post(
                        "/api/v1/projects",
                        "{\"requirementIds\":[\"1\"],\"title\":\"x\"}",
                        agency,
                        null);
        assertEquals(400, badIds.status(), badIds.body());
        Answer past =
                post(
                        "/api/v1/projects",
                        projectBody(
                                id(plan),
                                "x",
                                "REQUEST_FOR_QUOTATION",
                                "2020-01-01T09:00:00+08:00",
                                null),
                        agency,
                        null);
        assertEquals("PROJECT_DEADLINE_INVALID", past.code(), past.body());
        Answer auction =
                post(
                        "/api/v1/projects",
                        projectBody(
                                id(plan),
                                "x",
                                "REQUEST_FOR_QUOTATION",
                                deadlineIn(12),
                                deadlineIn(13)),
                        agency,
                        null);
        assertEquals("PARAMETER_CONFLICT", auction.code(), auction.body());
        Answer noSuch = post("/api/v1/projects/999999999/publish", "", agency, null);
        assertEquals(404, noSuch.status());
        assertEquals("PROJECT_NOT_FOUND", noSuch.code());
        Answer notAgency =
                post(
                        "/api/v1/projects",
                        projectBody(id(plan), "x", "REQUEST_FOR_QUOTATION", deadlineIn(12), null),
                        supplier,
                        null);
        assertEquals(403, notAgency.status());
        assertEquals(
                0,
                count(
                        "SELECT count(*) FROM project_requirement WHERE requirement_id = "
                                + id(plan)));
    }

    private static long count(String sql) {
        try (Connection c = TestServer.asApplication();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
