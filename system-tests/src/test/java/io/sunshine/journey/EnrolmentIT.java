package io.sunshine.journey;

import static io.sunshine.support.TestServer.BASE_URL;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.put;
import static io.sunshine.support.TestServer.token;
import static io.sunshine.support.TestServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Browser;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Suppliers enrol (报名) in the lots of a project published through the projects API, against the
 * real EAR on PostgreSQL: the enrolment and its idempotent repetition, one row under simultaneous
 * requests, the refusals (SME-only lot and a large enterprise, the bad-conduct list, an unverified
 * supplier, an unknown lot, the deadline) each audited with nothing written, who sees whose
 * enrolments, and the supplier's project page in Chromium.
 *
 * <p>Time: a project published today cannot have a deadline earlier than 20 days ahead (Law art.
 * 35), so "after the deadline" is made deterministic by moving the test server's platform clock
 * (only a server started with {@code -Dsunshine.clock.adjustable=true} has one that moves) one hour
 * past the deadline ({@link #deadlinePassed}), through its ADMIN-only test-clock endpoint. No
 * sleeping, no race with a deadline that is about to pass.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EnrolmentIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "Str0ng#Pass";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static String admin;
    private static String agency;
    private static String supervisor;
    private static String purchaser2;

    /** Project A: lot 1 open to all, lot 2 reserved to SMEs, one document. */
    private static Project a;

    private static Supplier small;
    private static Supplier large;

    record Project(long id, String reference) {}

    record Supplier(long id, String name, String username, String token) {}

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @BeforeAll
    static void setUp() {
        admin = token("admin", DEMO_PASSWORD);
        agency = token("agency1", DEMO_PASSWORD);
        supervisor = token("supervisor1", DEMO_PASSWORD);
        purchaser2 = token("purchaser2", DEMO_PASSWORD);
        a = publishedProject();
        small = adminSupplier("SMALL");
        large = registeredSupplier("LARGE", true);
    }

    // ----------------------------------------------------------------------------------- tests

    @Test
    void aVerifiedSupplierEnrolsAndARepeatedRequestGetsTheSameEnrolment() throws SQLException {
        Answer first = enrol(a, 2, small);
        assertEquals(201, first.status(), first.body());
        JsonObject e = first.json();
        assertEquals(a.reference(), e.getString("projectReference"));
        assertEquals(2, e.getInt("lotNo"));
        assertEquals(small.name(), e.getString("supplierName"));
        assertEquals(small.username(), e.getString("username"));

        Answer again = enrol(a, 2, small);
        assertEquals(200, again.status(), again.body());
        assertEquals(
                e.getJsonNumber("id").longValue(), again.json().getJsonNumber("id").longValue());
        assertEquals(1, rows(a, 2, small));
        assertEquals(1, audits(small.username(), "ENROLLED", a, 2));

        Answer mine = get(enrolmentPath(a, 2), small.token(), null);
        assertEquals(200, mine.status(), mine.body());
        assertTrue(ids(get("/api/v1/enrolments", small.token(), null)).contains(id(e)));
    }

    @Test
    void twoSimultaneousRequestsMakeOneEnrolmentAndNoError() throws Exception {
        Supplier racer = adminSupplier("MICRO");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        Set<Long> ids = new TreeSet<>();
        try {
            List<Callable<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(
                        () -> {
                            start.await();
                            return enrol(a, 1, racer);
                        });
            }
            List<Future<Answer>> answers = new ArrayList<>();
            for (Callable<Answer> c : calls) {
                answers.add(pool.submit(c));
            }
            start.countDown();
            for (Future<Answer> f : answers) {
                Answer r = f.get();
                statuses.add(r.status());
                ids.add(id(r.json()));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, ids.size(), "every request got the same enrolment");
        assertEquals(1, rows(a, 1, racer));
        assertEquals(1, audits(racer.username(), "ENROLLED", a, 1));
    }

    @Test
    void aLargeEnterpriseIsRefusedInAnSmeOnlyLotWithItsDeclarationNamedAuditedNothingWritten()
            throws SQLException {
        Answer en = TestServer.post(enrolmentPath(a, 2), null, large.token(), "en");
        assertEquals(422, en.status(), en.body());
        assertEquals("ENROLMENT_SME_ONLY", en.code());
        String detail = en.json().getString("detail");
        assertTrue(detail.contains("Lot 2 of project " + a.reference()), detail);
        assertTrue(detail.contains("says: large enterprise"), detail);
        String version =
                get("/api/v1/suppliers/" + large.id(), large.token(), null)
                        .json()
                        .getString("sizeDeclarationVersion");
        assertTrue(detail.contains("(version " + version + ")"), detail);
        Answer zh = enrol(a, 2, large);
        assertTrue(zh.json().getString("detail").contains("为：大型企业"), zh.body());

        assertEquals(0, rows(a, 2, large), "nothing written");
        assertEquals(2, audits(large.username(), "ENROLMENT_REFUSED", a, 2));
    }

    @Test
    void aSupplierOnTheBadConductListIsRefusedWithTheDecisionAndTheEndDateUntilLifted()
            throws SQLException {
        Supplier listed = adminSupplier("SMALL");
        LocalDate today = LocalDate.now(SHANGHAI);
        String decision = unique("深财购罚〔2026〕");

        Answer tooLong = list(listed, decision, today, today.plusYears(3));
        assertEquals(422, tooLong.status(), tooLong.body());
        assertEquals("BAN_PERIOD_OUT_OF_BOUNDS", tooLong.code());
        assertEquals("endsOn", tooLong.json().getString("field"));
        assertTrue(tooLong.json().getString("detail").contains("art. 77"), tooLong.body());

        Answer bySupplier =
                post(
                        "/api/v1/bad-conduct",
                        listing(listed, decision, today, today),
                        small.token(),
                        null);
        assertEquals(403, bySupplier.status(), "only a supervisor lists");

        LocalDate end = today.plusYears(2).minusDays(1);
        Answer listedNow = list(listed, decision, today, end);
        assertEquals(201, listedNow.status(), listedNow.body());
        long entry = id(listedNow.json());
        assertTrue(listedNow.json().getBoolean("inForce"));

        JsonArray publicList = array(get("/api/v1/bad-conduct", null, null));
        JsonObject shown = find(publicList, entry);
        assertEquals(decision, shown.getString("decisionReference"));
        assertFalse(
                shown.containsKey("listedBy") && !shown.isNull("listedBy"),
                "the public sees the listing, not who entered it");

        Answer refused = TestServer.post(enrolmentPath(a, 1), null, listed.token(), "en");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("ENROLMENT_SUPPLIER_LISTED", refused.code());
        String detail = refused.json().getString("detail");
        assertTrue(detail.contains(decision) && detail.contains(end.toString()), detail);
        assertEquals(0, rows(a, 1, listed));
        assertEquals(1, audits(listed.username(), "ENROLMENT_REFUSED", a, 1));

        // nor does a barred supplier obtain the documents
        long documentId =
                get("/api/v1/projects/" + a.id(), agency, null)
                        .json()
                        .getJsonArray("documents")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue();
        Answer download =
                get(
                        "/api/v1/projects/" + a.id() + "/documents/" + documentId,
                        listed.token(),
                        "en");
        assertEquals(422, download.status(), download.body());
        assertEquals("ENROLMENT_SUPPLIER_LISTED", download.code());

        Answer noReason = post("/api/v1/bad-conduct/" + entry + "/lift", "{}", supervisor, null);
        assertEquals(400, noReason.status(), noReason.body());
        Answer lifted =
                post(
                        "/api/v1/bad-conduct/" + entry + "/lift",
                        "{\"reason\":\"行政复议撤销原处罚决定\"}",
                        supervisor,
                        null);
        assertEquals(200, lifted.status(), lifted.body());
        assertFalse(lifted.json().getBoolean("inForce"));
        Answer twice =
                post(
                        "/api/v1/bad-conduct/" + entry + "/lift",
                        "{\"reason\":\"再次\"}",
                        supervisor,
                        null);
        assertEquals("BAD_CONDUCT_NOT_IN_FORCE", twice.code(), twice.body());
        JsonObject history =
                find(array(get("/api/v1/bad-conduct/history", supervisor, null)), entry);
        assertEquals("supervisor1", history.getString("liftedBy"));
        assertEquals(1, audits("supervisor1", "BAD_CONDUCT_LISTED", String.valueOf(entry)));
        assertEquals(1, audits("supervisor1", "BAD_CONDUCT_LIFTED", String.valueOf(entry)));

        assertEquals(201, enrol(a, 1, listed).status(), "lifted: the supplier may enrol again");
    }

    @Test
    void anUnverifiedSupplierAndAnUnknownLotAreRefused() throws SQLException {
        Supplier pending = registeredSupplier("SMALL", false);
        Answer r = TestServer.post(enrolmentPath(a, 1), null, pending.token(), "en");
        assertEquals(422, r.status(), r.body());
        assertEquals("ENROLMENT_SUPPLIER_NOT_VERIFIED", r.code());
        assertTrue(r.json().getString("detail").contains("is pending"), r.body());
        assertEquals(0, rows(a, 1, pending));
        assertEquals(1, audits(pending.username(), "ENROLMENT_REFUSED", a, 1));

        Answer lot = enrol(a, 9, small);
        assertEquals(404, lot.status(), lot.body());
        assertEquals("LOT_NOT_FOUND", lot.code());
        assertEquals(1, audits(small.username(), "ENROLMENT_REFUSED", a, 9));
    }

    @Test
    void aSupplierSeesOnlyItsOwnEnrolmentsAndTheAgencyNoNamesBeforeTheDeadline() {
        Supplier own = adminSupplier("MEDIUM");
        Supplier other = adminSupplier("SMALL");
        long ownId = id(enrol(a, 1, own).json());
        assertEquals(404, get(enrolmentPath(a, 1), other.token(), null).status());
        assertFalse(ids(get("/api/v1/enrolments", other.token(), null)).contains(ownId));
        assertTrue(ids(get("/api/v1/enrolments", own.token(), null)).contains(ownId));

        Answer sealed = get(lotListPath(a, 1), agency, "en");
        assertEquals(409, sealed.status(), sealed.body());
        assertEquals("ENROLMENTS_SEALED", sealed.code());
        assertEquals(404, get(lotListPath(a, 1), purchaser2, null).status(), "another unit's");
        assertEquals(403, get(lotListPath(a, 1), own.token(), null).status(), "not a supplier's");
        Answer supervised = get(lotListPath(a, 1), supervisor, null);
        assertEquals(200, supervised.status(), supervised.body());
        assertTrue(supervised.body().contains(own.name()));
    }

    @Test
    void afterTheDeadlineEnrolmentAndWithdrawalAreRefusedAndTheAgencySeesTheNames()
            throws SQLException {
        Project b = publishedProject();
        Supplier s = adminSupplier("SMALL");
        assertEquals(201, enrol(b, 1, s).status());
        Answer withdrawn = delete(enrolmentPath(b, 1), s.token());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals(404, get(enrolmentPath(b, 1), s.token(), null).status());
        assertEquals(201, enrol(b, 1, s).status(), "enrolling again re-opens the enrolment");
        assertEquals(1, rows(b, 1, s));

        deadlinePassed(b);
        s = new Supplier(s.id(), s.name(), s.username(), token(s.username(), PASSWORD));
        String agencyLater = token("agency1", DEMO_PASSWORD);

        Answer late = TestServer.post(enrolmentPath(b, 2), null, s.token(), "en");
        assertEquals(422, late.status(), late.body());
        assertEquals("ENROLMENT_DEADLINE_PASSED", late.code());
        assertTrue(late.json().getString("detail").contains("closed at its deadline"), late.body());
        assertEquals(0, rows(b, 2, s));
        assertEquals(1, audits(s.username(), "ENROLMENT_REFUSED", b, 2));

        Answer noWithdrawal = delete(enrolmentPath(b, 1), s.token());
        assertEquals("ENROLMENT_DEADLINE_PASSED", noWithdrawal.code(), noWithdrawal.body());
        assertEquals(1, audits(s.username(), "ENROLMENT_WITHDRAWAL_REFUSED", b, 1));
        assertEquals(200, get(enrolmentPath(b, 1), s.token(), null).status(), "still enrolled");

        Answer names = get(lotListPath(b, 1), agencyLater, null);
        assertEquals(200, names.status(), names.body());
        JsonArray suppliers = names.json().getJsonArray("suppliers");
        assertEquals(1, suppliers.size());
        assertEquals(s.name(), suppliers.getJsonObject(0).getString("name"));
    }

    @Test
    void theSupplierPageShowsTheLotsTheReasonItCannotEnrolAndItsDownloads() {
        Project p = publishedProject();
        long documentId =
                get("/api/v1/projects/" + p.id(), agency, null)
                        .json()
                        .getJsonArray("documents")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue();
        try (Browser browser = new Browser()) {
            supplierPage(browser, p, documentId);
        }
    }

    private static void supplierPage(Browser browser, Project p, long documentId) {
        browser.signIn(large.username(), PASSWORD);
        browser.open("/supplier/projects.xhtml");
        browser.driver.findElement(By.linkText(p.reference())).click();
        browser.waitForPage();
        String lots = browser.driver.findElement(By.id("project:lots")).getText();
        assertTrue(lots.contains("专门面向中小企业"), lots);
        assertTrue(lots.contains("贵单位于"), "lot 2 says why: " + lots);
        assertTrue(lots.contains("为：大型企业"), lots);
        assertTrue(
                browser.driver.findElements(By.id("project:lots:1:enrol")).isEmpty(),
                "no enrol button on the SME-only lot");
        assertTrue(
                browser.driver.findElement(By.id("project:documents")).getText().contains("未下载"));

        browser.driver.findElement(By.id("project:lots:0:enrol")).click();
        browser.waitForPage();
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("project:lots"), "已于"));
        assertTrue(browser.driver.findElement(By.id("messages")).getText().contains(p.reference()));

        HttpResponse<byte[]> pdf =
                TestServer.download(
                        "/api/v1/projects/" + p.id() + "/documents/" + documentId,
                        large.token(),
                        null);
        assertEquals(200, pdf.statusCode());
        browser.open("/supplier/project.xhtml?id=" + p.id());
        assertTrue(
                browser.driver.findElement(By.id("project:documents")).getText().contains("下载"),
                "the download is shown");
        assertFalse(
                browser.driver.findElement(By.id("project:documents")).getText().contains("未下载"));
        browser.screenshot("supplier-project-enrolment");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById('project:documents').scrollIntoView();");
        browser.screenshot("supplier-project-documents");
        browser.open("/supplier/projects.xhtml");
        assertTrue(browser.driver.findElement(By.id("mine")).getText().contains(p.reference()));
        browser.screenshot("supplier-projects");
    }

    @Test
    void theSupervisorLiftsAnEntryOnTheBadConductPageWithAReason() throws SQLException {
        Supplier listed = adminSupplier("SMALL");
        LocalDate today = LocalDate.now(SHANGHAI);
        String decision = unique("深财购罚〔2026〕");
        Answer entry = list(listed, decision, today, today.plusYears(1).minusDays(1));
        assertEquals(201, entry.status(), entry.body());
        try (Browser browser = new Browser()) {
            browser.signIn("supervisor1", DEMO_PASSWORD);
            browser.driver.findElement(By.id("nav:badConductLink")).click();
            browser.waitForPage();
            String rows = browser.driver.findElement(By.id("entries:list")).getText();
            assertTrue(rows.contains(decision) && rows.contains(listed.name()), rows);
            browser.screenshot("bad-conduct-list");
            By lift =
                    By.xpath(
                            "//tr[contains(.,'"
                                    + decision
                                    + "')]//button[contains(@id,'startLift')]");
            browser.driver.findElement(lift).click();
            browser.waiting()
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("lift:liftReason")));
            browser.driver.findElement(By.id("lift:confirmLift")).click();
            browser.waitForPage();
            String refusal =
                    browser.waiting()
                            .until(
                                    ExpectedConditions.visibilityOfElementLocated(
                                            By.cssSelector("[id='lift'] .ui-message-error")))
                            .getText();
            assertTrue(refusal.contains("提前移出理由"), "a lift without a reason: " + refusal);
            browser.screenshot("bad-conduct-lift-refused");
            browser.driver.findElement(By.id("lift:liftReason")).sendKeys("行政复议撤销原处罚决定");
            browser.driver.findElement(By.id("lift:confirmLift")).click();
            browser.waitForPage();
            browser.waiting()
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("entries:list"), "行政复议撤销原处罚决定"));
            browser.screenshot("bad-conduct-lifted");
        }
        assertEquals(
                1, audits("supervisor1", "BAD_CONDUCT_LIFTED", String.valueOf(id(entry.json()))));
        assertEquals(201, enrol(a, 1, listed).status(), "lifted: the supplier enrols");
    }

    // -------------------------------------------------------------------------------- helpers

    private static String enrolmentPath(Project p, int lotNo) {
        return "/api/v1/projects/" + p.id() + "/lots/" + lotNo + "/enrolment";
    }

    private static String lotListPath(Project p, int lotNo) {
        return "/api/v1/projects/" + p.id() + "/lots/" + lotNo + "/enrolments";
    }

    private static Answer enrol(Project p, int lotNo, Supplier s) {
        return post(enrolmentPath(p, lotNo), null, s.token(), null);
    }

    private static Answer list(Supplier s, String decision, LocalDate from, LocalDate to) {
        return post("/api/v1/bad-conduct", listing(s, decision, from, to), supervisor, "en");
    }

    private static String listing(Supplier s, String decision, LocalDate from, LocalDate to) {
        return Json.createObjectBuilder()
                .add("supplierId", s.id())
                .add("decisionReference", decision)
                .add("reason", "提供虚假材料谋取中标（政府采购法第七十七条第一款第一项）")
                .add("startsOn", from.toString())
                .add("endsOn", to.toString())
                .build()
                .toString();
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static JsonArray array(Answer a) {
        assertEquals(200, a.status(), a.body());
        try (JsonReader r = Json.createReader(new StringReader(a.body()))) {
            return r.readArray();
        }
    }

    private static Set<Long> ids(Answer a) {
        Set<Long> out = new TreeSet<>();
        for (JsonValue v : array(a)) {
            out.add(id(v.asJsonObject()));
        }
        return out;
    }

    private static JsonObject find(JsonArray entries, long id) {
        for (JsonValue v : entries) {
            if (id(v.asJsonObject()) == id) {
                return v.asJsonObject();
            }
        }
        throw new AssertionError("entry " + id + " not in " + entries);
    }

    private static Answer delete(String path, String token) {
        HttpRequest r =
                HttpRequest.newBuilder(URI.create(BASE_URL + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept-Language", "en")
                        .DELETE()
                        .timeout(Duration.ofSeconds(60))
                        .build();
        return send(r);
    }

    private static Answer send(HttpRequest r) {
        try {
            HttpResponse<String> h = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    h.statusCode(), h.headers().firstValue("Content-Type").orElse(""), h.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A supplier an administrator registers: verified, of the given size, with one user. */
    private static Supplier adminSupplier(String size) {
        String name = unique("测试供应商");
        Answer org =
                post(
                        "/api/v1/organisations",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("type", "SUPPLIER")
                                .add("sizeClass", size)
                                .build()
                                .toString(),
                        admin,
                        null);
        assertEquals(201, org.status(), org.body());
        String username = unique("en");
        Answer user =
                post(
                        "/api/v1/users",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("displayName", "报名员")
                                .add("organisationId", id(org.json()))
                                .add("roles", Json.createArrayBuilder().add("SUPPLIER"))
                                .add("password", PASSWORD)
                                .build()
                                .toString(),
                        admin,
                        null);
        assertEquals(201, user.status(), user.body());
        return new Supplier(id(org.json()), name, username, token(username, PASSWORD));
    }

    /**
     * A supplier that registers itself (so it carries a size declaration), verified by the agency
     * when asked, else left pending.
     */
    private static Supplier registeredSupplier(String size, boolean verified) {
        String name = unique("自主注册供应商");
        String username = unique("reg");
        Answer r =
                post(
                        "/api/v1/suppliers",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("creditCode", SupplierRegistrationIT.creditCode())
                                .add("legalRepresentative", "王伟")
                                .add("contactName", "李娜")
                                .add("contactPhone", "138-1234-5678")
                                .add("contactEmail", "li.na@example.cn")
                                .add("sizeClass", size)
                                .add("bankName", "中国工商银行滨江支行")
                                .add("bankAccountName", name)
                                .add("bankAccountNumber", "1202 0212 0900 1234 567")
                                .add("sizeDeclarationAccepted", true)
                                .add("username", username)
                                .add("displayName", "王伟")
                                .add("password", PASSWORD)
                                .build()
                                .toString(),
                        null,
                        null);
        assertEquals(201, r.status(), r.body());
        long id = id(r.json());
        if (verified) {
            Answer v =
                    post(
                            "/api/v1/suppliers/" + id + "/verification",
                            "{\"decision\":\"VERIFIED\"}",
                            agency,
                            null);
            assertEquals(200, v.status(), v.body());
        }
        return new Supplier(id, name, username, token(username, PASSWORD));
    }

    /**
     * A project published through the projects API by agency1: a requirement of the education
     * bureau with two items, approved by finance, opened as an open tender in two lots (lot 2
     * reserved to SMEs), one tender document, the deadline 40 days ahead.
     */
    private static Project publishedProject() {
        String finance = token("finance1", DEMO_PASSWORD);
        String purchaser = token("purchaser1", DEMO_PASSWORD);
        long unit =
                array(get("/api/v1/budget/lines", purchaser, null))
                        .getJsonObject(0)
                        .getJsonNumber("unitId")
                        .longValue();
        LocalDate today = LocalDate.now(SHANGHAI);
        Answer line =
                post(
                        "/api/v1/budget/lines",
                        Json.createObjectBuilder()
                                .add("fiscalYear", today.getYear())
                                .add("code", unique("EN-"))
                                .add("name", "报名测试指标")
                                .add("unitId", unit)
                                .add("functionalCode", "2050299")
                                .add("economicCode", "31002")
                                .add("fundingSource", "GENERAL_PUBLIC_BUDGET")
                                .add("approved", "900000.00")
                                .build()
                                .toString(),
                        finance,
                        null);
        assertEquals(201, line.status(), line.body());
        JsonArrayBuilder items =
                Json.createArrayBuilder()
                        .add(item("A02010105", "台式计算机", "40", "5200.00"))
                        .add(item("A02010108", "便携式计算机", "20", "6800.00"));
        Answer req =
                post(
                        "/api/v1/requirements",
                        Json.createObjectBuilder()
                                .add("title", unique("报名测试需求"))
                                .add("budgetLineId", id(line.json()))
                                .add("method", "OPEN_TENDER")
                                .add("plannedStart", today.plusDays(40).toString())
                                .add("items", items)
                                .build()
                                .toString(),
                        purchaser,
                        null);
        assertEquals(201, req.status(), req.body());
        long reqId = id(req.json());
        Answer submitted =
                post("/api/v1/requirements/" + reqId + "/submission", null, purchaser, null);
        assertEquals(200, submitted.status(), submitted.body());
        Answer approved = post("/api/v1/requirements/" + reqId + "/approval", null, finance, null);
        assertEquals(200, approved.status(), approved.body());

        String deadline =
                ZonedDateTime.of(today.plusDays(40).atTime(9, 30), SHANGHAI)
                        .toOffsetDateTime()
                        .toString();
        String title = unique("报名测试项目");
        Answer opened =
                post("/api/v1/projects", project(reqId, title, deadline, null), agency, null);
        assertEquals(201, opened.status(), opened.body());
        long id = id(opened.json());
        JsonArray lotItems =
                opened.json().getJsonArray("lots").getJsonObject(0).getJsonArray("items");
        JsonArrayBuilder lots =
                Json.createArrayBuilder()
                        .add(lot("台式计算机", lotItems.getJsonObject(0), false))
                        .add(lot("便携式计算机（面向中小企业）", lotItems.getJsonObject(1), true));
        Answer changed =
                put("/api/v1/projects/" + id, project(reqId, title, deadline, lots), agency, null);
        assertEquals(200, changed.status(), changed.body());
        assertEquals(2, changed.json().getJsonArray("lots").size());

        HttpRequest upload =
                HttpRequest.newBuilder(
                                URI.create(
                                        BASE_URL
                                                + "/api/v1/projects/"
                                                + id
                                                + "/documents?name="
                                                + URLEncoder.encode(
                                                        "招标文件.pdf", StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + agency)
                        .header("Content-Type", "application/pdf")
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        SupplierRegistrationIT.pdf("Tender documents " + title)))
                        .timeout(Duration.ofSeconds(60))
                        .build();
        Answer doc = send(upload);
        assertEquals(201, doc.status(), doc.body());
        Answer published = post("/api/v1/projects/" + id + "/publish", null, agency, null);
        assertEquals(200, published.status(), published.body());
        assertEquals("PUBLISHED", published.json().getString("state"));
        return new Project(id, published.json().getString("reference"));
    }

    private static JsonObject item(String code, String name, String qty, String price) {
        return Json.createObjectBuilder()
                .add("catalogueCode", code)
                .add("name", name)
                .add("quantity", qty)
                .add("unit", "台")
                .add("unitPrice", price)
                .build();
    }

    private static JsonObject lot(String title, JsonObject item, boolean smeOnly) {
        return Json.createObjectBuilder()
                .add("title", title)
                .add(
                        "requirementItemIds",
                        Json.createArrayBuilder()
                                .add(item.getJsonNumber("requirementItemId").longValue()))
                .add("smeOnly", smeOnly)
                .build();
    }

    private static String project(
            long reqId, String title, String deadline, JsonArrayBuilder lots) {
        var b =
                Json.createObjectBuilder()
                        .add("requirementIds", Json.createArrayBuilder().add(reqId))
                        .add("title", title)
                        .add("description", "为区属中小学采购计算机。")
                        .add("method", "OPEN_TENDER")
                        .add("qualification", "具有独立承担民事责任的能力；近三年内无重大违法记录")
                        .add("bidDeadline", deadline);
        if (lots != null) {
            b.add("lots", lots);
        }
        return b.build().toString();
    }

    /**
     * The project's deadline passes: the test server's platform clock (only a server started with
     * {@code -Dsunshine.clock.adjustable=true} has one that moves) is put one hour past it. Tokens
     * issued before live 8 hours of platform time, so the caller signs in again afterwards.
     */
    private static void deadlinePassed(Project p) {
        Instant deadline =
                OffsetDateTime.parse(
                                get("/api/v1/projects/" + p.id(), agency, null)
                                        .json()
                                        .getString("bidDeadline"))
                        .toInstant();
        Instant serverNow =
                OffsetDateTime.parse(get("/api/v1/test-clock", admin, null).json().getString("now"))
                        .toInstant();
        long seconds = Duration.between(serverNow, deadline).plusHours(1).toSeconds();
        Answer moved =
                TestServer.post("/api/v1/test-clock", "{\"seconds\":" + seconds + "}", admin, null);
        assertEquals(200, moved.status(), moved.body());
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    private static long rows(Project p, int lotNo, Supplier s) throws SQLException {
        try (Connection c = TestServer.asApplication();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM enrolment WHERE project_id = ? AND lot_no = ?"
                                        + " AND organisation_id = ?")) {
            q.setLong(1, p.id());
            q.setInt(2, lotNo);
            q.setLong(3, s.id());
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long audits(String actor, String action, Project p, int lotNo)
            throws SQLException {
        return audits(actor, action, p.reference() + " lot " + lotNo);
    }

    private static long audits(String actor, String action, String objectId) throws SQLException {
        try (Connection c = TestServer.asApplication();
                PreparedStatement q =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = ?"
                                        + " AND object_id = ?")) {
            q.setString(1, actor);
            q.setString(2, action);
            q.setString(3, objectId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
