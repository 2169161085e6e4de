package io.sunshine.journey;

import static io.sunshine.support.TestServer.BASE_URL;
import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.OcdsStructure;
import io.sunshine.support.Procurement;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Open data against the real EAR on PostgreSQL: a contracting process published through the project
 * API (intention, procurement notice, correction, termination) appears under {@code /api/ocds} as
 * releases tagged planning, tender, tenderAmendment and tenderCancellation under one ocid with the
 * configured prefix; its record compiles them in order; the release list pages with absolute links;
 * bad parameters are refused in zh-CN and en.
 *
 * <p>Every package the test receives passes {@link OcdsStructure}, a <em>structural check</em> of
 * the fields OCDS 1.1 requires — not validation against the official schema, which could not be
 * obtained (see {@code ejb/src/test/resources/ocds/1.1/README.md}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenDataIT {
    /** Set for the test server by config/payara/prepare-domain.sh (the default is ocds-xxxxxx). */
    static final String PREFIX = "ocds-t3st01";

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter OCDS_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private static String finance;
    private static String purchaser1;
    private static String agency;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @BeforeAll
    static void signIn() {
        finance = token("finance1", DEMO_PASSWORD);
        purchaser1 = token("purchaser1", DEMO_PASSWORD);
        agency = token("agency1", DEMO_PASSWORD);
    }

    /**
     * What one test publishes: the requirement, the project and its notices, and the second its
     * first notice (the intention) was published in.
     */
    record Process(JsonObject requirement, JsonObject project, Instant before) {
        String ocid() {
            return PREFIX + "-" + requirement.getString("reference");
        }

        JsonArray notices() {
            return project.getJsonArray("notices");
        }
    }

    @Test
    void aProcessFromIntentionToTerminationIsOneOcdsRecord() {
        Process p = publishAndEnd();
        JsonArray notices = p.notices();
        assertEquals(
                List.of("PROCUREMENT", "CORRECTION", "TERMINATION"),
                notices.stream().map(n -> n.asJsonObject().getString("type")).toList());

        // the releases of the process, as a harvester finds them in the list since the start
        List<JsonObject> ours =
                harvest("since=" + encode(ocdsDate(p.before())), 100).stream()
                        .filter(r -> r.getString("ocid").equals(p.ocid()))
                        .toList();
        assertEquals(
                List.of("planning", "tender", "tenderAmendment", "tenderCancellation"),
                ours.stream().map(r -> r.getJsonArray("tag").getString(0)).toList());
        assertTrue(p.ocid().startsWith(PREFIX + "-XQ-"), p.ocid());
        for (int i = 0; i < 3; i++) {
            JsonObject notice = notices.getJsonObject(i);
            JsonObject release = ours.get(i + 1);
            assertEquals(notice.getString("noticeNo"), release.getString("id"));
            assertEquals(
                    ocdsDate(Instant.parse(notice.getString("publishedAt"))),
                    release.getString("date"));
            assertEquals("tender", release.getString("initiationType"));
            assertEquals(
                    p.project().getString("reference"),
                    release.getJsonObject("tender").getString("id"),
                    "the tender id is the project number");
        }
        JsonObject planning = ours.get(0);
        assertTrue(planning.getString("id").startsWith("GG-"), planning.getString("id"));
        assertEquals("planning", planning.getJsonObject("tender").getString("status"));
        assertEquals(
                p.requirement().getString("title"),
                planning.getJsonObject("tender").getString("title"),
                "Chinese stays Chinese");
        JsonObject tender = ours.get(1).getJsonObject("tender");
        assertEquals("active", tender.getString("status"));
        assertEquals("open", tender.getString("procurementMethod"));
        assertEquals("公开招标", tender.getString("procurementMethodDetails"));
        assertEquals(
                ocdsDate(Instant.parse(p.project().getString("bidDeadline"))),
                ours.get(2)
                        .getJsonObject("tender")
                        .getJsonObject("tenderPeriod")
                        .getString("endDate"),
                "the amendment carries the deadline the correction set");
        JsonObject amendment =
                ours.get(2).getJsonObject("tender").getJsonArray("amendments").getJsonObject(0);
        assertEquals(
                notices.getJsonObject(0).getString("noticeNo"),
                amendment.getString("amendsReleaseID"));
        assertTrue(amendment.getString("rationale").contains("技术参数更正"), amendment.toString());
        assertEquals("cancelled", ours.get(3).getJsonObject("tender").getString("status"));

        // the record compiles them in order
        Answer record = get("/api/ocds/records/" + p.ocid(), null, null);
        assertJsonUtf8(record);
        JsonObject pkg = record.json();
        assertEquals(List.of(), OcdsStructure.recordPackage(pkg));
        assertEquals(BASE_URL + "/api/ocds/records/" + p.ocid(), pkg.getString("uri"));
        JsonObject rec = pkg.getJsonArray("records").getJsonObject(0);
        assertEquals(p.ocid(), rec.getString("ocid"));
        assertEquals(
                ours.stream().map(r -> r.getString("id")).toList(),
                rec.getJsonArray("releases").stream()
                        .map(r -> r.asJsonObject().getString("id"))
                        .toList());
        JsonObject compiled = rec.getJsonObject("compiledRelease");
        assertEquals(ours.get(3).getString("date"), compiled.getString("date"));
        assertEquals("cancelled", compiled.getJsonObject("tender").getString("status"));
        assertEquals(
                p.project().getString("title"),
                compiled.getJsonObject("tender").getString("title"));
        assertEquals(
                itemIds(planning),
                itemIds(compiled),
                "the items the intention announced are the tender's, each once");
        assertEquals(Set.of("buyer", "procuringEntity"), roles(compiled));
        assertEquals(ours.get(3).getString("date"), pkg.getString("publishedDate"));

        // one release by its id
        Answer one =
                get(
                        "/api/ocds/releases/" + notices.getJsonObject(1).getString("noticeNo"),
                        null,
                        null);
        assertJsonUtf8(one);
        assertEquals(List.of(), OcdsStructure.releasePackage(one.json()));
        assertEquals(ours.get(2), one.json().getJsonArray("releases").getJsonObject(0));
    }

    @Test
    void theReleaseListPagesOldestFirstWithAbsoluteLinks() {
        Process p = publishAndEnd();
        String window = "since=" + encode(ocdsDate(p.before()));
        List<JsonObject> all = harvest(window, 100);
        assertTrue(all.size() >= 4, "at least this process's four releases: " + all.size());
        List<JsonObject> byOne = harvest(window, 1);
        assertEquals(
                all.stream().map(r -> r.getString("id")).toList(),
                byOne.stream().map(r -> r.getString("id")).toList(),
                "pages of one give the same releases in the same order, each once");
        for (int i = 1; i < all.size(); i++) {
            assertFalse(
                    date(all.get(i)).isBefore(date(all.get(i - 1))),
                    "oldest first: " + all.get(i).getString("id"));
        }

        // the second page of two links both ways
        Answer second = get("/api/ocds/releases?" + window + "&page=2&size=2", null, null);
        assertJsonUtf8(second);
        JsonObject links = second.json().getJsonObject("links");
        String encodedSince = window.substring("since=".length());
        assertEquals(
                BASE_URL + "/api/ocds/releases?since=" + encodedSince + "&page=1&size=2",
                links.getString("prev"));
        if (all.size() > 4) {
            assertEquals(
                    BASE_URL + "/api/ocds/releases?since=" + encodedSince + "&page=3&size=2",
                    links.getString("next"));
        } else {
            assertFalse(links.containsKey("next"), "four releases fill two pages of two");
        }
        assertEquals(
                BASE_URL + "/api/ocds/releases?since=" + encodedSince + "&page=2&size=2",
                second.json().getString("uri"));

        // a window that ends before the process began holds none of it
        Answer before =
                get(
                        "/api/ocds/releases?until=" + encode(ocdsDate(p.before())) + "&size=1000",
                        null,
                        null);
        if (before.status() == 200) {
            assertTrue(
                    before.json().getJsonArray("releases").stream()
                            .noneMatch(r -> r.asJsonObject().getString("ocid").equals(p.ocid())));
        } else {
            assertEquals("OCDS_NO_RELEASES", before.code());
        }
        Answer beyond = get("/api/ocds/releases?" + window + "&page=999999&size=1000", null, "en");
        assertEquals(404, beyond.status());
        assertEquals("OCDS_NO_RELEASES", beyond.code());
    }

    @Test
    void aProjectReopenedAfterTerminationIsANewProcessUnderItsOwnNumber() {
        Process first = publishAndEnd();
        JsonObject second = openAndPublish(first.requirement(), "再次采购");
        String ocid = PREFIX + "-" + second.getString("reference");
        Answer record = get("/api/ocds/records/" + ocid, null, null);
        assertEquals(200, record.status(), record.body());
        assertEquals(List.of(), OcdsStructure.recordPackage(record.json()));
        JsonArray releases =
                record.json().getJsonArray("records").getJsonObject(0).getJsonArray("releases");
        assertEquals(1, releases.size(), "only the new tender: " + releases);
        assertEquals("tender", releases.getJsonObject(0).getJsonArray("tag").getString(0));
        Answer old = get("/api/ocds/records/" + first.ocid(), null, null);
        assertEquals(
                4,
                old.json().getJsonArray("records").getJsonObject(0).getJsonArray("releases").size(),
                "the terminated process keeps its four releases");
    }

    @Test
    void badParametersAreRefusedWithTheParameterNamedInTheCallersLanguage() {
        record Case(String query, String code, String field) {}
        for (Case c :
                List.of(
                        new Case("since=2026/03/01", "OCDS_DATE_INVALID", "since"),
                        new Case("until=tomorrow", "OCDS_DATE_INVALID", "until"),
                        new Case(
                                "since=2026-03-02&until=2026-03-01",
                                "OCDS_DATE_RANGE_EMPTY",
                                "until"),
                        new Case("size=0", "OCDS_PAGE_SIZE_INVALID", "size"),
                        new Case("size=1000000000", "OCDS_PAGE_SIZE_INVALID", "size"),
                        new Case("page=-1", "OCDS_PAGE_INVALID", "page"),
                        new Case("page=two", "NUMBER_INVALID", "page"))) {
            Answer zh = get("/api/ocds/releases?" + c.query(), null, "zh-CN");
            assertEquals(400, zh.status(), c + ": " + zh.body());
            assertTrue(zh.contentType().startsWith("application/problem+json"), zh.contentType());
            assertEquals(c.code(), zh.code(), zh.body());
            assertEquals(c.field(), zh.json().getString("field"), zh.body());
            Answer en = get("/api/ocds/releases?" + c.query(), null, "en");
            assertEquals(c.code(), en.code());
            assertNotEquals(zh.json().getString("detail"), en.json().getString("detail"));
        }
        Answer zh = get("/api/ocds/releases?since=2026/03/01", null, "zh-CN");
        assertEquals(
                "“2026/03/01”不是有效的日期或时间，请使用 ISO 8601 格式，例如 2026-03-01 或 2026-03-01T09:30:00+08:00。",
                zh.json().getString("detail"));
        Answer en = get("/api/ocds/releases?size=1000000000", null, "en");
        assertEquals(
                "A page of 1000000000 releases is not possible: give a size from 1 to 1,000.",
                en.json().getString("detail"));
    }

    @Test
    void anUnknownOcidOrReleaseIsNotFound() {
        for (String ocid :
                List.of(PREFIX + "-XQ-1999-000001", "ocds-zz9999-XQ-2026-000050", PREFIX)) {
            Answer a = get("/api/ocds/records/" + ocid, null, "zh-CN");
            assertEquals(404, a.status(), ocid + ": " + a.body());
            assertTrue(a.contentType().startsWith("application/problem+json"), a.contentType());
            assertEquals("OCDS_RECORD_NOT_FOUND", a.code());
            assertEquals("ocid", a.json().getString("field"));
            assertTrue(a.json().getString("detail").contains(ocid), a.body());
        }
        Answer release = get("/api/ocds/releases/GG-1999-000001", null, "en");
        assertEquals(404, release.status());
        assertEquals("OCDS_RELEASE_NOT_FOUND", release.code());
    }

    @Test
    void openDataNeedsNoSignInAndIgnoresOne() {
        Answer anonymous = get("/api/ocds/releases?size=1", null, null);
        Answer signedIn = get("/api/ocds/releases?size=1", finance, null);
        assertEquals(anonymous.status(), signedIn.status(), anonymous.body());
        assertTrue(anonymous.status() == 200 || anonymous.status() == 404, anonymous.body());
    }

    // --- the process, published through the project API

    /**
     * An approved plan whose intention is published, a project opened, published, corrected,
     * terminated.
     */
    private static Process publishAndEnd() {
        JsonObject requirement = approvedPlanWithPublishedIntention();
        // the server's time, not this JVM's: other journeys may have moved the test server's clock
        Instant before =
                Instant.parse(requirement.getJsonObject("intention").getString("publishedAt"))
                        .truncatedTo(ChronoUnit.SECONDS);
        JsonObject project = openAndPublish(requirement, "");
        long id = project.getJsonNumber("id").longValue();
        Instant deadline = Instant.parse(project.getString("bidDeadline"));
        Answer corrected =
                post(
                        "/api/v1/projects/" + id + "/corrections",
                        Json.createObjectBuilder()
                                .add("rationale", "第1包技术参数更正：内存由8G调整为16G")
                                .add("affectsBids", true)
                                .add("newBidDeadline", deadline.plus(Duration.ofDays(7)).toString())
                                .build()
                                .toString(),
                        agency,
                        null);
        assertEquals(200, corrected.status(), corrected.body());
        Answer terminated =
                post(
                        "/api/v1/projects/" + id + "/termination",
                        "{\"reason\":\"采购需求发生重大变化，终止本次采购活动\"}",
                        agency,
                        null);
        assertEquals(200, terminated.status(), terminated.body());
        return new Process(requirement, terminated.json(), before);
    }

    private static JsonObject openAndPublish(JsonObject requirement, String titleSuffix) {
        return Procurement.published(
                agency,
                requirement.getJsonNumber("id").longValue(),
                requirement.getString("title") + "项目" + titleSuffix,
                "OPEN_TENDER",
                Procurement.deadlineIn(40));
    }

    /** An approved plan (two computer items) whose intention the unit has published. */
    private static JsonObject approvedPlanWithPublishedIntention() {
        JsonObject plan =
                Procurement.approvedPlan(
                        purchaser1,
                        finance,
                        "OPEN_TENDER",
                        null,
                        List.of(
                                new Procurement.Item("A02010105", "台式计算机", "20", "台", "5000.00"),
                                new Procurement.Item("A02010108", "便携式计算机", "5", "台", "6000.00")));
        return Procurement.check(
                post(
                        "/api/v1/requirements/"
                                + plan.getJsonNumber("id").longValue()
                                + "/intention/publication",
                        null,
                        purchaser1,
                        null),
                200,
                "publish the intention");
    }

    // --- reading the open data as a harvester does

    /**
     * Every release of a window, following links.next from the first page; each package passes the
     * structural check, and each page's links and uri are absolute.
     */
    private static List<JsonObject> harvest(String window, int size) {
        List<JsonObject> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = BASE_URL + "/api/ocds/releases?" + window + "&size=" + size;
        int pages = 0;
        while (next != null) {
            assertTrue(next.startsWith(BASE_URL + "/api/ocds/releases?"), next);
            Answer page = get(next.substring(BASE_URL.length()), null, null);
            assertJsonUtf8(page);
            JsonObject pkg = page.json();
            assertEquals(List.of(), OcdsStructure.releasePackage(pkg), pkg.toString());
            assertTrue(pkg.getJsonArray("releases").size() <= size);
            for (JsonValue v : pkg.getJsonArray("releases")) {
                JsonObject r = v.asJsonObject();
                assertTrue(seen.add(r.getString("id")), "each release once: " + r.getString("id"));
                out.add(r);
            }
            JsonObject links = pkg.getJsonObject("links");
            assertEquals(
                    pages > 0, links != null && links.containsKey("prev"), "prev after page 1");
            next = links == null ? null : links.getString("next", null);
            pages++;
            assertTrue(pages < 500, "the links end");
        }
        return out;
    }

    private static void assertJsonUtf8(Answer a) {
        assertEquals(200, a.status(), a.body());
        assertEquals(
                "application/json;charset=utf-8", a.contentType().toLowerCase().replace(" ", ""));
    }

    private static String ocdsDate(Instant i) {
        return OCDS_DATE.format(i.truncatedTo(ChronoUnit.SECONDS).atZone(SHANGHAI));
    }

    private static Instant date(JsonObject release) {
        return OffsetDateTime.parse(release.getString("date")).toInstant();
    }

    private static List<String> itemIds(JsonObject release) {
        return release.getJsonObject("tender").getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("id"))
                .toList();
    }

    private static Set<String> roles(JsonObject release) {
        Set<String> out = new HashSet<>();
        for (JsonValue p : release.getJsonArray("parties")) {
            p.asJsonObject().getJsonArray("roles").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .forEach(out::add);
        }
        return out;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
