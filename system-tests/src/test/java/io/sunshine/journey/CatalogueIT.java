package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Browser;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The procurement catalogue end to end: the seed is public, an administrator imports the full table
 * from CSV and follows its progress, a faulty file is refused line by line with nothing written,
 * only an administrator may import, and the same import on the page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogueIT {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @Test
    void theSeedIsReadableWithoutSigningIn() {
        Answer desktop = get("/api/v1/catalogue/A02010105", null, null);
        assertEquals(200, desktop.status(), desktop.body());
        JsonObject d = desktop.json();
        assertEquals("台式计算机", d.getString("name"));
        assertEquals("A", d.getString("category"));
        assertEquals("A02010100", d.getString("parentCode"));
        assertTrue(d.getBoolean("leaf"));
        assertTrue(d.getBoolean("active"));

        Answer computers = get("/api/v1/catalogue/A02010100", null, null);
        assertFalse(computers.json().getBoolean("leaf"));

        JsonArray byWord =
                get("/api/v1/catalogue?q=" + enc("计算机"), null, null).json().getJsonArray("items");
        assertTrue(
                codes(byWord).containsAll(List.of("A02010100", "A02010105", "A02010108")),
                byWord.toString());

        JsonObject services = get("/api/v1/catalogue?category=C&q=C16", null, null).json();
        assertTrue(
                codes(services.getJsonArray("items")).contains("C16070000"), services.toString());
        assertTrue(services.getJsonNumber("total").longValue() >= 4);

        JsonArray children =
                get("/api/v1/catalogue?parent=A02010100", null, null).json().getJsonArray("items");
        assertEquals(List.of("A02010104", "A02010105", "A02010108"), codes(children));

        Answer property = get("/api/v1/catalogue/c21040000", null, null);
        assertEquals("物业管理服务", property.json().getString("name"));
    }

    @Test
    void badLookupsAreProblemsNotErrors() {
        Answer oldShape = get("/api/v1/catalogue/A020101", null, "en");
        assertEquals(400, oldShape.status(), oldShape.body());
        assertEquals("CATALOGUE_CODE_INVALID", oldShape.code());
        assertTrue(oldShape.json().getString("detail").contains("8 digits"), oldShape.body());
        Answer missing = get("/api/v1/catalogue/A09999999", null, null);
        assertEquals(404, missing.status());
        assertEquals("CATALOGUE_ITEM_NOT_FOUND", missing.code());
        assertEquals(
                "CATALOGUE_CATEGORY_INVALID",
                get("/api/v1/catalogue?category=D", null, null).code());
        assertEquals("NUMBER_INVALID", get("/api/v1/catalogue?max=lots", null, null).code());
    }

    @Test
    void anAdministratorImportsTwoThousandRowsAndFollowsTheProgress() {
        String admin = token("admin", DEMO_PASSWORD);
        String tag = TestServer.unique("批");
        String csv =
                generated("A91", tag)
                        + generated("A92", tag).replaceFirst("^code,name,parent\n", "");
        int rows = (int) csv.lines().count() - 1;
        assertTrue(rows >= 2000, "rows: " + rows);

        HttpResponse<String> started = postCsv("/api/v1/catalogue/imports", csv, admin, null);
        assertEquals(202, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        assertTrue(location.matches(".*/api/v1/catalogue/imports/[0-9]+$"), location);

        JsonObject done = awaitEnd(location, admin, null);
        assertEquals("DONE", done.getString("status"), done.toString());
        assertEquals(rows, done.getInt("totalRows"));
        assertEquals(rows, done.getInt("processedRows"));
        assertEquals(100, done.getInt("percent"));
        assertEquals(rows, done.getInt("createdRows") + done.getInt("updatedRows"));
        assertEquals("admin", done.getString("requestedBy"));

        Answer leaf = get("/api/v1/catalogue/A92400124", null, null);
        assertEquals(200, leaf.status(), leaf.body());
        assertEquals("测试品目 " + tag + " A92400124", leaf.json().getString("name"));
        assertTrue(leaf.json().getBoolean("leaf"));
        assertEquals("A92400100", leaf.json().getString("parentCode"));
        JsonObject byTag = get("/api/v1/catalogue?q=" + enc(tag) + "&max=5", null, null).json();
        assertEquals(rows, byTag.getJsonNumber("total").intValue());
        assertEquals(5, byTag.getJsonArray("items").size());
        assertEquals(1, audited("CATALOGUE_IMPORT_STARTED", done.getInt("id")));
        assertEquals(1, audited("CATALOGUE_IMPORTED", done.getInt("id")));
    }

    @Test
    void aFaultyFileIsRefusedLineByLineAndNothingIsWritten() {
        String admin = token("admin", DEMO_PASSWORD);
        String csv =
                "\uFEFFcode,name,parent\r\n"
                        + "A93000000,测试大类,A\r\n" // fine on its own
                        + "A93010000,\"测试, 带逗号的名称\",A93000000\r\n" // fine: a quoted comma
                        + "A930101,旧格式编码,A930100\r\n" // line 4: the 2013 shape
                        + "A93010000,重复,\r\n" // line 5: duplicate of line 3
                        + "A93020100,没有上级,\r\n" // line 6: A93020000 is nowhere
                        + "A93030000,,\r\n"; // line 7: no name
        HttpResponse<String> started = postCsv("/api/v1/catalogue/imports", csv, admin, "en");
        assertEquals(202, started.statusCode(), started.body());
        JsonObject refused =
                awaitEnd(started.headers().firstValue("Location").orElseThrow(), admin, "en");
        assertEquals("REFUSED", refused.getString("status"), refused.toString());
        assertEquals(4, refused.getInt("errorCount"));
        assertEquals(0, refused.getInt("processedRows"));
        JsonArray errors = refused.getJsonArray("errors");
        assertError(errors.getJsonObject(0), 4, "code", "CODE_FORMAT");
        assertTrue(
                errors.getJsonObject(0).getString("message").contains("not a catalogue code"),
                errors.toString());
        assertError(errors.getJsonObject(1), 5, "code", "CODE_DUPLICATE");
        assertTrue(
                errors.getJsonObject(1).getString("message").contains("line 3"), errors.toString());
        assertError(errors.getJsonObject(2), 6, "parent", "PARENT_UNKNOWN");
        assertError(errors.getJsonObject(3), 7, "name", "NAME_MISSING");

        assertEquals(
                404,
                get("/api/v1/catalogue/A93000000", null, null).status(),
                "nothing was written");

        JsonObject zh =
                awaitEnd(started.headers().firstValue("Location").orElseThrow(), admin, "zh-CN");
        assertTrue(
                zh.getJsonArray("errors").getJsonObject(1).getString("message").contains("第 3 行"),
                zh.toString());
    }

    @Test
    void onlyAnAdministratorMayImport() {
        String supplier = token("supplier1", DEMO_PASSWORD);
        HttpResponse<String> denied =
                postCsv("/api/v1/catalogue/imports", "code,name\nA94000000,越权\n", supplier, null);
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("ACCESS_DENIED"), denied.body());
        HttpResponse<String> anonymous =
                postCsv("/api/v1/catalogue/imports", "code,name\nA94000000,匿名\n", null, null);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        Answer peek = get("/api/v1/catalogue/imports/50", supplier, null);
        assertEquals(403, peek.status(), peek.body());
        assertEquals(404, get("/api/v1/catalogue/A94000000", null, null).status());

        String admin = token("admin", DEMO_PASSWORD);
        HttpResponse<String> empty = postCsv("/api/v1/catalogue/imports", "  ", admin, null);
        assertEquals(400, empty.statusCode(), empty.body());
        assertTrue(empty.body().contains("CATALOGUE_FILE_EMPTY"), empty.body());
        assertEquals(
                "CATALOGUE_IMPORT_NOT_FOUND",
                get("/api/v1/catalogue/imports/999999999", admin, null).code());
    }

    @Test
    void anAdministratorImportsOnThePageAndSeesTheResult() throws IOException {
        String tag = TestServer.unique("页");
        Path file = Files.createTempFile("catalogue-", ".csv");
        Files.writeString(file, generated("A95", tag), StandardCharsets.UTF_8);
        Path bad = Files.createTempFile("catalogue-bad-", ".csv");
        Files.writeString(
                bad,
                "code,name,parent\nA96000000,页面测试,A\nA9601,旧编码,\nA96010000,,\n",
                StandardCharsets.UTF_8);
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            browser.driver.findElement(By.id("login:username")).sendKeys("admin");
            browser.driver.findElement(By.id("login:password")).sendKeys(DEMO_PASSWORD);
            browser.driver.findElement(By.id("login:submit")).click();
            browser.waitForPage();
            browser.waiting().until(ExpectedConditions.urlContains("/my/work.xhtml"));

            browser.driver.findElement(By.id("nav:catalogueLink")).click();
            browser.waitForPage();
            assertEquals(
                    "政府采购品目分类目录", browser.driver.findElement(By.id("catalogueHeading")).getText());

            browser.driver.findElement(By.id("importForm:file")).sendKeys(file.toString());
            browser.driver.findElement(By.id("importForm:upload")).click();
            browser.waitForPage();
            new WebDriverWait(browser.driver, Duration.ofSeconds(120))
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("jobForm:job"), "导入完成"));
            browser.waitForPage();
            assertTrue(
                    browser.driver.findElement(By.id("jobResult")).getText().contains("1001"),
                    browser.driver.findElement(By.id("jobResult")).getText());
            assertTrue(
                    browser.driver
                            .findElement(By.id("jobForm:progress"))
                            .getText()
                            .contains("100%"));

            browser.driver.findElement(By.id("search:q")).sendKeys(tag);
            browser.driver.findElement(By.id("search:go")).click();
            browser.waitForPage();
            browser.waiting()
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("search:items"), "A95000000"));
            browser.screenshot("catalogue-import-done");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("document.getElementById('search').scrollIntoView();");
            browser.screenshot("catalogue-search");

            browser.driver.findElement(By.id("importForm:file")).sendKeys(bad.toString());
            browser.driver.findElement(By.id("importForm:upload")).click();
            browser.waitForPage();
            new WebDriverWait(browser.driver, Duration.ofSeconds(60))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("jobRefused")));
            browser.waitForPage();
            String errors = browser.driver.findElement(By.id("jobForm:errors")).getText();
            assertTrue(errors.contains("不是有效的品目编码"), errors);
            assertTrue(errors.contains("缺少品目名称"), errors);
            browser.screenshot("catalogue-import-refused");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(bad);
        }
        assertEquals(
                404,
                get("/api/v1/catalogue/A96000000", null, null).status(),
                "the refused file wrote nothing");
    }

    /**
     * A valid subtree under the goods root: {@code top} (level 1), 40 level-2 groups and 24 level-3
     * items in each — 1 + 40 + 960 = 1001 rows.
     */
    private static String generated(String top, String tag) {
        StringBuilder b = new StringBuilder("code,name,parent\n");
        String root = top + "000000";
        b.append(root).append(",测试大类 ").append(tag).append(",A\n");
        for (int g = 1; g <= 40; g++) {
            String group = top + String.format("%02d", g) + "0000";
            b.append(group)
                    .append(",测试类 ")
                    .append(tag)
                    .append(' ')
                    .append(group)
                    .append(',')
                    .append(root)
                    .append('\n');
            for (int i = 1; i <= 24; i++) {
                String item = top + String.format("%02d%02d", g, i) + "00";
                if (top.equals("A92") && g == 40 && i == 1) {
                    // one level-4 leaf, so that a full-depth code is imported too
                    b.append(item)
                            .append(",测试品目 ")
                            .append(tag)
                            .append(' ')
                            .append(item)
                            .append(',')
                            .append(group)
                            .append('\n');
                    String leaf = top + String.format("%02d%02d", g, i) + "24";
                    b.append(leaf)
                            .append(",测试品目 ")
                            .append(tag)
                            .append(' ')
                            .append(leaf)
                            .append(',')
                            .append(item)
                            .append('\n');
                    continue;
                }
                b.append(item)
                        .append(",测试品目 ")
                        .append(tag)
                        .append(' ')
                        .append(item)
                        .append(',')
                        .append(group)
                        .append('\n');
            }
        }
        return b.toString();
    }

    private static JsonObject awaitEnd(String location, String token, String language) {
        Instant deadline = Instant.now().plusSeconds(120);
        String path = URI.create(location).getPath();
        while (true) {
            Answer a = get(path, token, language);
            assertEquals(200, a.status(), a.body());
            JsonObject job = a.json();
            String status = job.getString("status");
            if (List.of("DONE", "REFUSED", "FAILED").contains(status)) {
                return job;
            }
            assertTrue(
                    job.getInt("processedRows") <= Math.max(0, job.getInt("totalRows")),
                    job.toString());
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The import did not end: " + job);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> postCsv(
            String path, String csv, String token, String language) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path))
                        .header("Content-Type", "text/csv; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                        .timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            b.header("Accept-Language", language);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> postCsv(String path, byte[] csv, String token) {
        HttpRequest r =
                HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path))
                        .header("Content-Type", "text/csv")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(csv))
                        .timeout(Duration.ofSeconds(60))
                        .build();
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(JsonObject e, int line, String field, String reason) {
        assertEquals(line, e.getInt("line"), e.toString());
        assertEquals(
                field,
                !e.containsKey("field") || e.isNull("field") ? null : e.getString("field"),
                e.toString());
        assertEquals(reason, e.getString("reason"), e.toString());
        assertFalse(e.getString("message").isBlank());
    }

    /** Audit rows of that action about that import, read as the application's database role. */
    private static int audited(String action, int importId) {
        try (java.sql.Connection c = TestServer.asApplication();
                java.sql.PreparedStatement p =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM audit_entry WHERE action = ? AND object_type"
                                        + " = 'CatalogueImport' AND object_id = ? AND actor ="
                                        + " 'admin'")) {
            p.setString(1, action);
            p.setString(2, String.valueOf(importId));
            try (java.sql.ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> codes(JsonArray items) {
        return items.stream().map(v -> v.asJsonObject().getString("code")).toList();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
