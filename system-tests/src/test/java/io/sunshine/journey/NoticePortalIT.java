package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.token;
import static io.sunshine.support.TestServer.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Browser;
import io.sunshine.support.Procurement;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The public notice portal over real published notices: five projects are opened from approved
 * plans, each with a document, and published through the project API (one is a reverse auction, one
 * is corrected afterwards). Then, without signing in: Chinese search by a two- and a
 * three-character word of the body, the filters, keyset paging without duplicates or gaps, clear
 * refusals of bad parameters in zh and en, the Atom feed, the notice page with its current
 * deadlines, and the list page in Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NoticePortalIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A word only this run's notices carry (in their titles), to look at them alone. */
    private static String tag;

    private static long unitId;
    private static String unitName;

    /** The projects: 电脑 in the body; 物业 in the body; 办公桌椅; plain; a reverse auction. */
    private static Project computers;

    private static Project property;
    private static Project desks;
    private static Project plain;
    private static Project auction;

    /** Every notice this run published, newest first as the portal should list them. */
    private static List<String> allNotices;

    private static String correctionNo;
    private static String correctedDeadline;

    record Project(long id, String noticeNo, String title) {}

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @BeforeAll
    static void publishNotices() {
        tag = unique("portal");
        String finance = token("finance1", DEMO_PASSWORD);
        String purchaser = token("purchaser1", DEMO_PASSWORD);
        String agency = token("agency1", DEMO_PASSWORD);
        unitId = Procurement.unitOf(purchaser);

        computers =
                project(
                        finance,
                        purchaser,
                        agency,
                        "COMPETITIVE_CONSULTATION",
                        "本项目采购教学用台式电脑二十台及配套显示器。");
        property =
                project(
                        finance,
                        purchaser,
                        agency,
                        "COMPETITIVE_CONSULTATION",
                        "设备安装于后勤楼物业用房，供应商须负责搬运及安装。");
        desks = project(finance, purchaser, agency, "COMPETITIVE_CONSULTATION", "另含会议室办公桌椅的布置调整。");
        plain = project(finance, purchaser, agency, "COMPETITIVE_CONSULTATION", "按采购文件要求供货。");
        auction = project(finance, purchaser, agency, "REVERSE_AUCTION", "网上竞价，按最低有效报价成交。");

        // a correction that moves the first project's deadline: its notice page shows the new one
        LocalDate later = today().plusDays(25);
        correctedDeadline = later + "T10:00:00+08:00";
        Answer corrected =
                post(
                        "/api/v1/projects/" + computers.id() + "/corrections",
                        Json.createObjectBuilder()
                                .add("rationale", "延长响应文件提交截止时间")
                                .add("affectsBids", true)
                                .add("newBidDeadline", correctedDeadline)
                                .build()
                                .toString(),
                        agency,
                        null);
        assertEquals(200, corrected.status(), corrected.body());
        JsonArray notices = corrected.json().getJsonArray("notices");
        correctionNo = null;
        for (JsonValue v : notices) {
            if ("CORRECTION".equals(v.asJsonObject().getString("type"))) {
                correctionNo = v.asJsonObject().getString("noticeNo");
            }
        }
        assertNotNull(correctionNo, corrected.body());

        Answer unit = get("/api/v1/notices/" + computers.noticeNo(), null, null);
        assertEquals(200, unit.status(), unit.body());
        unitName = unit.json().getString("buyerName");
        allNotices =
                List.of(
                        correctionNo,
                        auction.noticeNo(),
                        plain.noticeNo(),
                        desks.noticeNo(),
                        property.noticeNo(),
                        computers.noticeNo());
    }

    // --- search ----------------------------------------------------------------------------------

    @Test
    void aTwoCharacterWordOfTheBodyFindsItsNoticeAndOnlyNoticesThatHoldIt() {
        List<String> found = numbers(list("q=" + enc("电脑") + "&size=100"));
        assertTrue(found.contains(computers.noticeNo()), found.toString());
        assertFalse(found.contains(property.noticeNo()), found.toString());
        assertFalse(found.contains(desks.noticeNo()), found.toString());
        assertFalse(found.contains(plain.noticeNo()), found.toString());
        for (String no : found.subList(0, Math.min(found.size(), 10))) {
            JsonObject n = detail(no);
            assertTrue(
                    (n.getString("title") + n.getString("body")).contains("电脑"),
                    no + " was found by 电脑 but does not hold it");
        }

        List<String> property = numbers(list("q=" + enc("物业") + "&size=100"));
        assertTrue(property.contains(NoticePortalIT.property.noticeNo()), property.toString());
        assertFalse(property.contains(computers.noticeNo()), property.toString());
        assertFalse(detail(NoticePortalIT.property.noticeNo()).getString("title").contains("物业"));
    }

    @Test
    void aThreeCharacterWordIsMatchedInOrderAndWordsCombine() {
        List<String> desk = numbers(list("q=" + enc("办公桌") + "&size=100"));
        assertTrue(desk.contains(desks.noticeNo()), desk.toString());
        assertFalse(desk.contains(computers.noticeNo()), desk.toString());
        // the same characters in another order are another word
        assertFalse(numbers(list("q=" + enc("桌办公") + "&size=100")).contains(desks.noticeNo()));
        // several words: every one must be there (full-width letters fold to the tag's own)
        assertEquals(
                List.of(computers.noticeNo()),
                numbers(list("q=" + enc(tag + " 台式电脑"))).stream()
                        .filter(no -> !no.equals(correctionNo))
                        .toList());
        assertEquals(List.of(desks.noticeNo()), numbers(list("q=" + enc(fullWidth(tag) + "　办公桌"))));
    }

    @Test
    void searchTextIsOnlyEverAValueNeverSql() {
        // quotes and operators are no letters: 电脑'-- is the word 电脑
        List<String> found = numbers(list("q=" + enc("电脑'--") + "&size=100"));
        assertTrue(found.contains(computers.noticeNo()), found.toString());
        assertFalse(found.contains(property.noticeNo()), found.toString());
        // the words 电脑, or and 1 1: nothing widened
        Answer a = get("/api/v1/notices?q=" + enc("电脑' OR '1'='1") + "&size=100", null, null);
        assertEquals(200, a.status(), a.body());
        assertFalse(numbers(a.json()).contains(property.noticeNo()), a.body());
        Answer b = get("/api/v1/notices?q=" + enc("电脑 & !物业 | (x:*)"), null, null);
        assertEquals(200, b.status(), b.body());
    }

    // --- filters and paging --------------------------------------------------------------------

    @Test
    void filtersNarrowTheList() {
        String q = "q=" + enc(tag) + "&size=100";
        assertEquals(allNotices, numbers(list(q)));
        assertEquals(List.of(auction.noticeNo()), numbers(list(q + "&method=REVERSE_AUCTION")));
        assertEquals(List.of(correctionNo), numbers(list(q + "&type=CORRECTION")));
        assertEquals(
                allNotices.subList(1, allNotices.size()), numbers(list(q + "&type=procurement")));
        assertEquals(allNotices, numbers(list(q + "&buyer=" + unitId)));
        // part of the unit's name
        assertEquals(allNotices, numbers(list(q + "&buyer=" + enc(unitName.substring(1)))));
        assertEquals(List.of(), numbers(list(q + "&buyer=987654321")));
        assertEquals(allNotices, numbers(list(q + "&category=A0201")));
        assertEquals(allNotices, numbers(list(q + "&category=A02010100")));
        assertEquals(allNotices, numbers(list(q + "&category=A")));
        assertEquals(List.of(), numbers(list(q + "&category=C")));
        assertEquals(List.of(), numbers(list(q + "&category=A0202")));
        String today = today().toString();
        assertEquals(allNotices, numbers(list(q + "&from=" + today + "&to=" + today)));
        assertEquals(List.of(), numbers(list(q + "&from=" + today().plusDays(1))));
        assertEquals(List.of(), numbers(list(q + "&to=" + today().minusDays(1))));
    }

    @Test
    void pagesFollowTheCursorWithoutDuplicatesOrGapsAndComeBack() {
        String q = "q=" + enc(tag) + "&size=2";
        JsonObject first = list(q);
        assertNull(cursor(first, "newer"), "the first page has nothing newer");
        List<String> seen = new ArrayList<>(numbers(first));
        List<JsonObject> pages = new ArrayList<>(List.of(first));
        JsonObject page = first;
        while (cursor(page, "older") != null) {
            page = list(q + "&before=" + enc(cursor(page, "older")));
            assertFalse(numbers(page).isEmpty());
            assertTrue(numbers(page).size() <= 2);
            seen.addAll(numbers(page));
            pages.add(page);
        }
        assertEquals(3, pages.size(), "six notices in pages of two");
        assertEquals(allNotices, seen, "every notice once, newest first");
        assertEquals(new HashSet<>(seen).size(), seen.size());

        // back from the last page: the page before it, exactly
        JsonObject last = pages.get(2);
        JsonObject back = list(q + "&after=" + enc(cursor(last, "newer")));
        assertEquals(numbers(pages.get(1)), numbers(back));
        JsonObject backAgain = list(q + "&after=" + enc(cursor(back, "newer")));
        assertEquals(numbers(first), numbers(backAgain));
        assertNull(cursor(backAgain, "newer"), "back at the newest");
    }

    // --- bad parameters ------------------------------------------------------------------------

    @Test
    void badParametersAreProblemsInTheCallersLanguage() {
        Answer zh = get("/api/v1/notices?before=not-a-cursor", null, "zh-CN");
        assertEquals(400, zh.status(), zh.body());
        assertTrue(zh.contentType().startsWith("application/problem+json"), zh.contentType());
        assertEquals("NOTICE_CURSOR_INVALID", zh.code());
        assertEquals("before", zh.json().getString("field"));
        assertTrue(zh.json().getString("detail").contains("翻页参数"), zh.body());
        Answer en = get("/api/v1/notices?before=not-a-cursor", null, "en");
        assertTrue(en.json().getString("detail").contains("paging parameter"), en.body());

        Answer date = get("/api/v1/notices?from=2026-02-30", null, "en");
        assertEquals(400, date.status());
        assertEquals("DATE_INVALID", date.code());
        assertEquals("from", date.json().getString("field"));
        assertTrue(date.json().getString("detail").contains("2026-02-30"), date.body());
        Answer dateZh = get("/api/v1/notices?from=2026-02-30", null, "zh-CN");
        assertTrue(dateZh.json().getString("detail").contains("不是有效日期"), dateZh.body());

        assertEquals("NOTICE_DATE_RANGE_INVALID", code("from=2026-10-09&to=2026-10-08"));
        assertEquals("NOTICE_PAGE_SIZE_INVALID", code("size=0"));
        assertEquals("NOTICE_PAGE_SIZE_INVALID", code("size=101"));
        assertEquals("NUMBER_INVALID", code("size=lots"));
        assertEquals("NOTICE_FILTER_INVALID", code("type=TENDERS"));
        assertEquals("NOTICE_FILTER_INVALID", code("method=AUCTION"));
        assertEquals("NOTICE_CATEGORY_INVALID", code("category=A0"));
        assertEquals("NOTICE_QUERY_NO_WORDS", code("q=" + enc("！？")));
        assertEquals("NOTICE_QUERY_TOO_LONG", code("q=" + enc("电".repeat(101))));
        String cursor = aCursor();
        assertEquals("PARAMETER_CONFLICT", code("before=" + cursor + "&after=" + cursor));
        Answer missing = get("/api/v1/notices/GG-1999-999999", null, "en");
        assertEquals(404, missing.status());
        assertEquals("NOTICE_NOT_FOUND", missing.code());
    }

    // --- one notice ----------------------------------------------------------------------------

    @Test
    void aNoticeShowsItsProjectsCurrentDeadlinesLotsDocumentsAndOtherNotices() {
        JsonObject n = detail(computers.noticeNo());
        assertEquals("PROCUREMENT", n.getString("type"));
        assertEquals("COMPETITIVE_CONSULTATION", n.getString("method"));
        assertEquals(computers.id(), n.getJsonNumber("projectId").longValue());
        assertEquals("PUBLISHED", n.getString("projectState"));
        assertTrue(n.getString("body").contains("\n"), "the body keeps its lines");
        JsonObject d = n.getJsonObject("deadlines");
        assertEquals("RESPONSE", d.getString("kind"));
        assertTrue(d.getBoolean("corrected"));
        assertEquals(
                java.time.OffsetDateTime.parse(correctedDeadline).toInstant(),
                java.time.Instant.parse(d.getString("deadline")));
        assertTrue(!d.containsKey("openingTime") || d.isNull("openingTime"), "no opening");
        assertEquals(1, n.getJsonArray("lots").size());
        JsonObject doc = n.getJsonArray("documents").getJsonObject(0);
        assertEquals("采购文件.pdf", doc.getString("fileName"));
        assertEquals(64, doc.getString("sha256").length());
        assertTrue(doc.getJsonNumber("size").longValue() > 100);
        List<String> related =
                n.getJsonArray("related").stream()
                        .map(v -> v.asJsonObject().getString("noticeNo"))
                        .toList();
        assertEquals(List.of(correctionNo), related);

        JsonObject a = detail(auction.noticeNo());
        assertEquals("AUCTION", a.getJsonObject("deadlines").getString("kind"));
        assertNotNull(a.getJsonObject("deadlines").getString("auctionStart"));
        assertFalse(a.getJsonObject("deadlines").getBoolean("corrected"));
        assertEquals(0, a.getJsonArray("related").size());
        // the number is found whatever its case
        assertEquals(
                computers.noticeNo(),
                get("/api/v1/notices/" + computers.noticeNo().toLowerCase(), null, null)
                        .json()
                        .getString("noticeNo"));
    }

    @Test
    void theNoticePageIsPublicAndAnUnknownNumberIsNotFound() throws Exception {
        HttpResponse<String> page =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                TestServer.BASE_URL
                                                        + "/notices/notice.xhtml?no="
                                                        + computers.noticeNo()))
                                .header("Accept-Language", "zh-CN")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains(computers.title()), "the title");
        assertTrue(html.contains("台式电脑二十台"), "the body");
        assertTrue(html.contains("响应文件提交截止时间"), "the deadline box");
        assertTrue(html.contains(correctedDeadline.substring(0, 10)), "the corrected deadline");
        assertTrue(html.contains("/api/v1/projects/" + computers.id() + "/documents/"));
        assertTrue(html.contains("notice.xhtml?no=" + correctionNo), "the other notice, linked");
        assertTrue(html.contains("application/atom+xml"), "the feed is announced");
        assertFalse(html.contains("id=\"enrol\""), "no enrolment link without a supplier");

        HttpResponse<String> unknown =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                TestServer.BASE_URL
                                                        + "/notices/notice.xhtml?no=GG-1999-000001"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }

    // --- feed ----------------------------------------------------------------------------------

    @Test
    void theAtomFeedIsValidXmlAndCarriesTheNewestNotices() throws Exception {
        HttpResponse<byte[]> feed = TestServer.download("/api/v1/notices/feed.atom", null, null);
        assertEquals(200, feed.statusCode());
        assertTrue(
                feed.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/atom+xml"),
                feed.headers().toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Element root =
                f.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(feed.body()))
                        .getDocumentElement();
        String atom = "http://www.w3.org/2005/Atom";
        assertEquals("feed", root.getLocalName());
        assertEquals(atom, root.getNamespaceURI());
        assertEquals(1, direct(root, "id").size());
        assertEquals(1, direct(root, "title").size());
        assertEquals(1, direct(root, "updated").size());
        assertEquals(1, direct(root, "author").size());
        List<Element> entries = direct(root, "entry");
        assertFalse(entries.isEmpty());
        Set<String> links = new LinkedHashSet<>();
        for (Element e : entries) {
            assertEquals(1, direct(e, "id").size());
            assertEquals(1, direct(e, "title").size());
            assertEquals(1, direct(e, "updated").size());
            assertEquals(1, direct(e, "author").size());
            Element link = direct(e, "link").get(0);
            assertEquals("alternate", link.getAttribute("rel"));
            links.add(link.getAttribute("href"));
        }
        assertTrue(
                links.stream()
                        .anyMatch(l -> l.endsWith("/notices/notice.xhtml?no=" + correctionNo)),
                links.toString());
        assertTrue(
                entries.stream()
                        .anyMatch(
                                e ->
                                        direct(e, "title")
                                                .get(0)
                                                .getTextContent()
                                                .equals(auction.title())),
                "the auction notice is in the feed");
    }

    // --- the pages in a browser ----------------------------------------------------------------

    @Test
    void aVisitorFindsTheNoticeByAChineseWordOnTheListPageAndASupplierMayEnrol() throws Exception {
        try (Browser b = new Browser()) {
            b.open("/notices/index.xhtml");
            b.screenshot("notice-portal-first");
            assertEquals(
                    1, b.driver.findElements(By.id("notices")).size(), b.driver.getPageSource());
            WebElement q = b.driver.findElement(By.id("filters:q"));
            q.sendKeys(tag + " 电脑");
            b.driver.findElement(By.id("filters:search")).click();
            b.waitForPage();
            assertTrue(b.driver.getCurrentUrl().contains("q="), b.driver.getCurrentUrl());
            List<String> titles =
                    b.driver.findElements(By.cssSelector("a.notice-title")).stream()
                            .map(WebElement::getText)
                            .toList();
            assertTrue(titles.contains(computers.title()), titles.toString());
            assertFalse(titles.contains(property.title()), titles.toString());

            b.open("/notices/index.xhtml?q=" + enc(tag));
            b.screenshot("notice-portal-list");
            Path png =
                    Path.of(System.getProperty("it.screenshots", "target/screenshots"))
                            .resolve("notice-portal-list.png");
            assertTrue(Files.size(png) > 10_000);
            assertEquals(
                    allNotices.size(),
                    b.driver.findElements(By.cssSelector("a.notice-title")).size());
            b.driver.findElement(By.linkText(computers.title())).click();
            b.waitForPage();
            b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("deadlines")));
            assertEquals(computers.title(), b.driver.findElement(By.id("noticeTitle")).getText());
            // the whole notice, lots and other notices included, in one picture
            b.driver.manage().window().setSize(new Dimension(1280, 2400));
            b.screenshot("notice-portal-notice");
            b.driver.manage().window().setSize(new Dimension(1280, 1000));

            b.signIn("supplier1", DEMO_PASSWORD);
            b.open("/notices/notice.xhtml?no=" + computers.noticeNo());
            WebElement enrol = b.driver.findElement(By.id("enrol"));
            assertTrue(
                    enrol.getAttribute("href")
                            .endsWith("/supplier/project.xhtml?id=" + computers.id()),
                    enrol.getAttribute("href"));
            b.screenshot("notice-portal-notice-supplier");
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String fullWidth(String latin) {
        StringBuilder sb = new StringBuilder();
        latin.chars()
                .forEach(
                        c ->
                                sb.append(
                                        Character.isLetterOrDigit(c)
                                                ? (char) (c + 0xFEE0)
                                                : (char) c));
        return sb.toString();
    }

    private static JsonObject list(String query) {
        Answer a = get("/api/v1/notices?" + query, null, null);
        assertEquals(200, a.status(), query + " → " + a.body());
        return a.json();
    }

    private static List<String> numbers(JsonObject page) {
        return page.getJsonArray("notices").stream()
                .map(v -> v.asJsonObject().getString("noticeNo"))
                .toList();
    }

    /** A page's cursor, or null when it has none (the key is then left out). */
    private static String cursor(JsonObject page, String name) {
        return page.containsKey(name) && !page.isNull(name) ? page.getString(name) : null;
    }

    private static JsonObject detail(String noticeNo) {
        Answer a = get("/api/v1/notices/" + noticeNo, null, null);
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    private static String code(String query) {
        Answer a = get("/api/v1/notices?" + query, null, "en");
        assertEquals(400, a.status(), query + " → " + a.body());
        return a.code();
    }

    private static String aCursor() {
        JsonObject page = list("q=" + enc(tag) + "&size=1");
        return enc(page.getJsonArray("notices").getJsonObject(0).getString("cursor"));
    }

    private static List<Element> direct(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e
                    && name.equals(e.getLocalName())
                    && "http://www.w3.org/2005/Atom".equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * An approved plan for ten desktop computers, opened as a project by the agency with the given
     * description, documented and published; returns the project and its procurement notice.
     */
    private static Project project(
            String finance, String purchaser, String agency, String method, String description) {
        JsonObject plan =
                Procurement.approvedPlan(
                        purchaser,
                        finance,
                        method,
                        null,
                        List.of(new Procurement.Item("A02010105", "台式计算机", "10", "台", "5000.00")));
        String deadline = Procurement.deadlineIn(20);
        String title = "门户测试 " + tag + " 第" + unique("") + "批办公设备采购项目";
        var body =
                Json.createObjectBuilder()
                        .add(
                                "requirementIds",
                                Json.createArrayBuilder().add(plan.getJsonNumber("id").longValue()))
                        .add("title", title)
                        .add("description", description)
                        .add("method", method)
                        .add("qualification", "具有独立承担民事责任的能力")
                        .add("bidDeadline", deadline);
        if ("REVERSE_AUCTION".equals(method)) {
            body.add("auctionStart", deadline);
        }
        JsonObject created =
                Procurement.check(
                        post("/api/v1/projects", body.build().toString(), agency, null),
                        201,
                        "open project");
        long projectId = created.getJsonNumber("id").longValue();
        Procurement.upload(agency, projectId, "采购文件.pdf");
        JsonObject published =
                Procurement.check(
                        post("/api/v1/projects/" + projectId + "/publish", "", agency, null),
                        200,
                        "publish");
        JsonObject notice = published.getJsonArray("notices").getJsonObject(0);
        return new Project(projectId, notice.getString("noticeNo"), notice.getString("title"));
    }
}
