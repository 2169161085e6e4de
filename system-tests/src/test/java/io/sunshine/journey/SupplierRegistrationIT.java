package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.get;
import static io.sunshine.support.TestServer.post;
import static io.sunshine.support.TestServer.token;
import static io.sunshine.support.TestServer.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Browser;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import io.sunshine.support.TestServer.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The supplier registry end to end against the real EAR: self-registration over REST and on the
 * public page, qualification PDFs with their refusals, object-level access between suppliers, and
 * the agency's verification or rejection with a reason.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SupplierRegistrationIT {
    private static final String PASSWORD = "Str0ng#Pass";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    // ---------------------------------------------------------------------------- REST journeys

    @Test
    void aSupplierRegistersItselfWithoutSigningInAndWaitsForReview() {
        String name = unique("滨江测试科技有限公司");
        String username = unique("reg");
        String code = creditCode();
        Answer created = register(registration(name, code, username).build(), "zh-CN");
        assertEquals(201, created.status(), created.body());
        long id = created.json().getJsonNumber("id").longValue();
        JsonObject s = created.json();
        assertEquals("PENDING", s.getString("status"));
        assertEquals(code, s.getString("creditCode"));
        assertEquals("13812345678", s.getString("contactPhone"), "separators removed");
        assertEquals("1202021209001234567", s.getString("bankAccountNumber"));
        assertTrue(s.getString("sizeDeclarationText").contains("财库〔2020〕46号"), s.toString());
        assertTrue(s.getString("sizeDeclarationText").contains(name + "（统一社会信用代码：" + code));
        assertTrue(s.containsKey("sizeDeclaredAt"));

        String supplier = token(username, PASSWORD);
        Answer own = get("/api/v1/suppliers/" + id, supplier, null);
        assertEquals(200, own.status(), own.body());
        assertEquals(name, own.json().getString("name"));
        Answer me = get("/api/v1/auth/me", supplier, null);
        assertEquals("SUPPLIER", me.json().getJsonArray("roles").getString(0));

        String agency = token("agency1", DEMO_PASSWORD);
        Answer work = get("/api/v1/my/work", agency, null);
        assertTrue(work.body().contains("供应商注册待审核：" + name), "agency has the review to do");
        Answer pending = get("/api/v1/suppliers?status=PENDING", agency, null);
        assertTrue(pending.body().contains(name), pending.body());
        Answer verified = get("/api/v1/suppliers?status=VERIFIED", agency, null);
        assertTrue(!verified.body().contains(name), "not among the verified");
        assertTrue(verified.body().contains("滨江信达电脑科技有限公司"), "demo suppliers count as verified");
        assertEquals(
                "VALIDATION_FAILED", get("/api/v1/suppliers?status=MAYBE", agency, null).code());
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithTheReasonAndChangesNothing() {
        String username = unique("bad");
        String good = creditCode();
        String wrong = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        Answer zh = register(registration(unique("校验测试公司"), wrong, username).build(), "zh-CN");
        assertEquals(400, zh.status(), zh.body());
        assertTrue(zh.contentType().startsWith("application/problem+json"), zh.contentType());
        assertEquals("CREDIT_CODE_INVALID", zh.code());
        assertEquals("creditCode", zh.json().getString("field"));
        String detail = zh.json().getString("detail");
        assertTrue(
                detail.contains("第 18 位校验码不符") && detail.contains("应为“" + good.charAt(17) + "”"),
                detail);
        Answer en = register(registration(unique("校验测试公司"), wrong, username).build(), "en");
        assertTrue(en.json().getString("detail").contains("should be"), en.body());

        Answer signIn =
                post(
                        "/api/v1/auth/token",
                        "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}",
                        null,
                        null);
        assertEquals("AUTH_FAILED", signIn.code(), "no user was created");
    }

    @Test
    void aCodeOrNameAlreadyRegisteredIsRefused() {
        String code = creditCode();
        String name = unique("重复测试公司");
        assertEquals(201, register(registration(name, code, unique("dup")).build(), null).status());
        Answer sameCode =
                register(registration(unique("另一家公司"), code, unique("dup")).build(), "en");
        assertEquals(409, sameCode.status(), sameCode.body());
        assertEquals("CREDIT_CODE_TAKEN", sameCode.code());
        assertEquals("creditCode", sameCode.json().getString("field"));
        Answer demoCode =
                register(
                        registration(unique("另一家公司"), "913301000175722835", unique("dup")).build(),
                        null);
        assertEquals("CREDIT_CODE_TAKEN", demoCode.code(), "a demo supplier's code");
        Answer sameName = register(registration(name, creditCode(), unique("dup")).build(), null);
        assertEquals("ORGANISATION_NAME_TAKEN", sameName.code());
        Answer sameUser =
                register(registration(unique("公司"), creditCode(), "supplier1").build(), null);
        assertEquals("USERNAME_TAKEN", sameUser.code());
    }

    @Test
    void everyWrongFieldIsNamedInTheCallersLanguage() {
        Answer notAccepted =
                register(
                        registration(unique("声明测试公司"), creditCode(), unique("f"))
                                .add("sizeDeclarationAccepted", false)
                                .build(),
                        "zh-CN");
        assertEquals("SIZE_DECLARATION_REQUIRED", notAccepted.code());
        assertEquals("sizeDeclarationAccepted", notAccepted.json().getString("field"));

        Answer bank =
                register(
                        registration(unique("账户测试公司"), creditCode(), unique("f"))
                                .add("bankAccountNumber", "6222-AB-0001")
                                .build(),
                        "zh-CN");
        assertEquals(400, bank.status());
        assertEquals("BANK_ACCOUNT_INVALID", bank.code());
        assertEquals("bankAccountNumber", bank.json().getString("field"));
        assertTrue(bank.json().getString("detail").contains("账号只能由数字组成"), bank.body());

        Answer phone =
                register(
                        registration(unique("电话测试公司"), creditCode(), unique("f"))
                                .add("contactPhone", "12345")
                                .build(),
                        "en");
        assertEquals("PHONE_INVALID", phone.code());
        assertEquals("contactPhone", phone.json().getString("field"));

        Answer legal =
                register(
                        registration(unique("代表测试公司"), creditCode(), unique("f"))
                                .add("legalRepresentative", " ")
                                .build(),
                        "zh-CN");
        assertEquals("PARAMETER_MISSING", legal.code());
        assertEquals("legalRepresentative", legal.json().getString("field"));

        Answer size =
                register(
                        registration(unique("规模测试公司"), creditCode(), unique("f"))
                                .add("sizeClass", "HUGE")
                                .build(),
                        null);
        assertEquals("VALIDATION_FAILED", size.code());
        assertEquals("sizeClass", size.json().getString("field"));

        Answer weak =
                register(
                        registration(unique("密码测试公司"), creditCode(), unique("f"))
                                .add("password", "password")
                                .build(),
                        null);
        assertEquals("PASSWORD_TOO_WEAK", weak.code());
        assertEquals("BODY_MALFORMED", register("{not json", null).code());
    }

    @Test
    void aSupplierUploadsQualificationPdfsAndBadFilesAreRefused() throws Exception {
        Supplier s = newSupplier();
        byte[] pdf = pdf("Business licence");
        Answer up = upload(s, "LICENCE", "营业执照（副本）.pdf", pdf, "zh-CN");
        assertEquals(201, up.status(), up.body());
        long docId = up.json().getJsonNumber("id").longValue();
        assertEquals(sha256(pdf), up.json().getString("sha256"));
        assertEquals("营业执照（副本）.pdf", up.json().getString("fileName"));
        assertTrue(!up.body().contains("storage"), "the storage name never leaves the server");

        HttpResponse<byte[]> download = download(s.id(), docId, s.token());
        assertEquals(200, download.statusCode());
        assertArrayEquals(pdf, download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals(sha256(pdf), download.headers().firstValue("X-Content-SHA256").orElse(""));
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(
                disposition.startsWith("attachment;")
                        && disposition.contains(
                                "filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7"),
                disposition);

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0};
        Answer notPdf = upload(s, "LICENCE", "licence.pdf", png, "zh-CN");
        assertEquals(415, notPdf.status(), notPdf.body());
        assertEquals("DOCUMENT_NOT_PDF", notPdf.code());
        assertEquals("file", notPdf.json().getString("field"));
        assertTrue(notPdf.json().getString("detail").contains("%PDF-"), notPdf.body());

        byte[] truncated = java.util.Arrays.copyOf(pdf, pdf.length - 10);
        assertEquals("DOCUMENT_NOT_PDF", upload(s, "LICENCE", "cut.pdf", truncated, "en").code());

        byte[] big = new byte[10 * 1024 * 1024 + 1024];
        System.arraycopy(pdf, 0, big, 0, pdf.length - 6);
        byte[] eof = "%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eof, 0, big, big.length - eof.length, eof.length);
        Answer tooLarge = upload(s, "OTHER", "big.pdf", big, "en");
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertEquals("DOCUMENT_TOO_LARGE", tooLarge.code());
        assertTrue(tooLarge.json().getString("detail").contains("10 MB"), tooLarge.body());

        Answer path = upload(s, "OTHER", "../../etc/passwd.pdf", pdf, "zh-CN");
        assertEquals(400, path.status(), path.body());
        assertEquals("DOCUMENT_NAME_INVALID", path.code());
        assertTrue(path.json().getString("detail").contains("路径字符"), path.body());
        assertEquals(
                "DOCUMENT_NAME_INVALID", upload(s, "OTHER", "dir\\licence.pdf", pdf, null).code());

        assertEquals("DOCUMENT_EMPTY", upload(s, "OTHER", "empty.pdf", new byte[0], null).code());
        assertEquals("VALIDATION_FAILED", upload(s, "PHOTO", "a.pdf", pdf, null).code());
        Answer noKind = upload(s, null, "a.pdf", pdf, null);
        assertEquals("PARAMETER_MISSING", noKind.code());
        assertEquals("kind", noKind.json().getString("field"));

        Answer list = get("/api/v1/suppliers/" + s.id() + "/documents", s.token(), null);
        assertEquals(200, list.status(), list.body());
        assertEquals(
                1, Json.createReader(new java.io.StringReader(list.body())).readArray().size());
    }

    @Test
    void aSupplierCannotReadOrChangeAnotherSupplier() throws Exception {
        Supplier a = newSupplier();
        Supplier b = newSupplier();
        Answer up = upload(b, "LICENCE", "b.pdf", pdf("B"), null);
        long docB = up.json().getJsonNumber("id").longValue();
        long refusalsBefore = countAudit(a.username(), "ACCESS_DENIED", "Supplier");

        Answer read = get("/api/v1/suppliers/" + b.id(), a.token(), "zh-CN");
        assertEquals(403, read.status(), read.body());
        assertEquals("ACCESS_DENIED", read.code());
        assertTrue(read.json().getString("detail").contains("其他供应商"), read.body());
        assertEquals(403, download(b.id(), docB, a.token()).statusCode());
        assertEquals(
                "ACCESS_DENIED",
                get("/api/v1/suppliers/" + b.id() + "/documents", a.token(), null).code());
        assertEquals("ACCESS_DENIED", upload(a, b.id(), "LICENCE", "x.pdf", pdf("x")).code());
        assertEquals(
                "ACCESS_DENIED",
                get("/api/v1/suppliers/" + 999_999_999L, a.token(), null).code(),
                "a supplier cannot even learn which ids exist");
        assertEquals(refusalsBefore + 5, countAudit(a.username(), "ACCESS_DENIED", "Supplier"));

        String demoSupplier = token("supplier1", DEMO_PASSWORD);
        assertEquals(403, get("/api/v1/suppliers/" + b.id(), demoSupplier, null).status());
        assertEquals("ACCESS_DENIED", get("/api/v1/suppliers", a.token(), null).code(), "no list");
        assertEquals(
                "ACCESS_DENIED",
                post(
                                "/api/v1/suppliers/" + b.id() + "/verification",
                                "{\"decision\":\"VERIFIED\"}",
                                a.token(),
                                null)
                        .code());
        assertEquals(
                "AUTHENTICATION_REQUIRED", get("/api/v1/suppliers/" + b.id(), null, null).code());
        assertEquals(401, download(b.id(), docB, null).statusCode());

        String finance = token("finance1", DEMO_PASSWORD);
        assertEquals(200, get("/api/v1/suppliers/" + b.id(), finance, null).status());
        assertEquals(200, download(b.id(), docB, finance).statusCode());
        assertEquals(
                "DOCUMENT_NOT_FOUND",
                get("/api/v1/suppliers/" + a.id() + "/documents/" + docB, finance, null).code(),
                "a document is found only under its own supplier");
    }

    @Test
    void anAgencyRejectsWithAReasonAndVerifiesTheCorrectedRegistration() throws Exception {
        Supplier s = newSupplier();
        String agency = token("agency1", DEMO_PASSWORD);
        String verification = "/api/v1/suppliers/" + s.id() + "/verification";

        Answer noReason = post(verification, "{\"decision\":\"REJECTED\"}", agency, "zh-CN");
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals("REJECTION_REASON_REQUIRED", noReason.code());
        assertEquals("reason", noReason.json().getString("field"));
        assertEquals(
                "PENDING",
                get("/api/v1/suppliers/" + s.id(), agency, null).json().getString("status"));
        assertEquals(
                "VALIDATION_FAILED",
                post(verification, "{\"decision\":\"PENDING\"}", agency, null).code());

        String reason = "营业执照副本不清晰，请重新上传并核对开户银行名称。";
        Answer rejected =
                post(
                        verification,
                        Json.createObjectBuilder()
                                .add("decision", "REJECTED")
                                .add("reason", reason)
                                .build()
                                .toString(),
                        agency,
                        null);
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("REJECTED", rejected.json().getString("status"));
        Answer seen = get("/api/v1/suppliers/" + s.id(), s.token(), null);
        assertEquals(reason, seen.json().getString("reviewReason"));
        assertEquals("agency1", seen.json().getString("reviewedBy"));
        assertTrue(get("/api/v1/my/work", s.token(), null).body().contains(reason));
        Answer again = post(verification, "{\"decision\":\"VERIFIED\"}", agency, "en");
        assertEquals(409, again.status());
        assertEquals("REGISTRATION_NOT_PENDING", again.code());
        assertTrue(again.json().getString("detail").contains("rejected"), again.body());

        assertEquals(201, upload(s, "LICENCE", "营业执照-清晰.pdf", pdf("clear"), null).status());
        Answer resubmitted =
                put(
                        "/api/v1/suppliers/" + s.id(),
                        registration(s.name(), s.code(), s.username())
                                .add("bankName", "中国工商银行滨江支行营业部")
                                .build()
                                .toString(),
                        s.token());
        assertEquals(200, resubmitted.status(), resubmitted.body());
        assertEquals("PENDING", resubmitted.json().getString("status"));
        assertEquals(2, resubmitted.json().getInt("submissions"));
        assertEquals(
                "REGISTRATION_NOT_REJECTED",
                put(
                                "/api/v1/suppliers/" + s.id(),
                                registration(s.name(), s.code(), s.username()).build().toString(),
                                s.token())
                        .code());

        Answer verified = post(verification, "{\"decision\":\"VERIFIED\"}", agency, null);
        assertEquals(200, verified.status(), verified.body());
        assertEquals("VERIFIED", verified.json().getString("status"));
        Answer closed = upload(s, "OTHER", "late.pdf", pdf("late"), "zh-CN");
        assertEquals(409, closed.status());
        assertEquals("REGISTRATION_CLOSED", closed.code());
        assertTrue(
                get("/api/v1/suppliers?status=VERIFIED", token("supervisor1", DEMO_PASSWORD), null)
                        .body()
                        .contains(s.name()));
        assertEquals(1, countAudit("agency1", "SUPPLIER_REJECTED", String.valueOf(s.id())));
        assertEquals(1, countAudit("agency1", "SUPPLIER_VERIFIED", String.valueOf(s.id())));
        assertTrue(!get("/api/v1/my/work", agency, null).body().contains(s.name()), "work done");
    }

    // --------------------------------------------------------------------------- browser journey

    @Test
    void aVisitorRegistersOnThePageUploadsALicenceAndTheAgencyVerifiesIt() throws IOException {
        String name = unique("滨江页面注册科技有限公司");
        String username = unique("web");
        String code = creditCode();
        browser.driver.manage().deleteAllCookies();
        browser.open("/login.xhtml");
        browser.driver.findElement(By.id("login:register")).click();
        browser.waitForPage();
        browser.waiting().until(ExpectedConditions.urlContains("/register.xhtml"));

        type("reg:name", name);
        type("reg:creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        browser.choose("reg:sizeClass", "小型企业");
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("reg:declarationText"), "属于小型企业"));
        type("reg:legalRepresentative", "王伟");
        type("reg:contactName", "李娜");
        type("reg:contactPhone", "0571-87654321");
        type("reg:contactEmail", "li.na@example.cn");
        type("reg:bankName", "中国工商银行滨江支行");
        type("reg:bankAccountName", name);
        type("reg:bankAccountNumber", "1202 0212 0900 1234 567");
        browser.driver
                .findElement(By.cssSelector("[id='reg:sizeDeclarationAccepted'] .ui-chkbox-box"))
                .click();
        scrollTo("reg:declarationText");
        browser.screenshot("supplier-register-declaration");
        type("reg:username", username);
        type("reg:displayName", "王伟");
        type("reg:password", PASSWORD);
        browser.driver.findElement(By.id("reg:submit")).click();
        browser.waitForPage();
        assertTrue(
                browser.driver.getPageSource().contains("第 18 位校验码不符"),
                "the wrong check character is refused on the page");
        browser.screenshot("supplier-register-refused");

        WebElement codeField = browser.driver.findElement(By.id("reg:creditCode"));
        codeField.clear();
        codeField.sendKeys(code);
        type("reg:password", PASSWORD);
        browser.driver.findElement(By.id("reg:submit")).click();
        browser.waitForPage();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("doneHeading")));
        browser.screenshot("supplier-register-done");

        browser.driver.findElement(By.id("toLogin")).click();
        browser.waitForPage();
        signIn(username, PASSWORD);
        browser.waiting().until(ExpectedConditions.urlContains("/my/work.xhtml"));
        browser.driver.findElement(By.linkText("我的注册登记")).click();
        browser.waitForPage();
        assertEquals(
                "PENDING",
                browser.driver
                        .findElement(By.id("registrationStatus"))
                        .getAttribute("data-status"));
        Path file = Files.createTempFile("licence", ".pdf");
        Path named = file.resolveSibling("营业执照-" + UUID.randomUUID() + ".pdf");
        byte[] licence = pdf("Business licence of " + username);
        Files.write(named, licence);
        Files.deleteIfExists(file);
        browser.choose("upload:kind", "营业执照");
        browser.driver.findElement(By.cssSelector("input[type='file']")).sendKeys(named.toString());
        browser.driver.findElement(By.id("upload:send")).click();
        browser.waitForPage();
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("docs:documents"), named.getFileName().toString()));
        scrollTo("upload");
        browser.screenshot("supplier-registration-pending");
        Files.deleteIfExists(named);
        signOut();

        signIn("agency1", DEMO_PASSWORD);
        browser.driver.findElement(By.linkText("供应商审核")).click();
        browser.waitForPage();
        WebElement row =
                browser.driver.findElement(
                        By.xpath(
                                "//tr[.//span[@class='supplier-name' and text()='" + name + "']]"));
        row.findElement(By.cssSelector("button[id$=':open']")).click();
        browser.waitForPage();
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("reviewName"), name));
        assertTrue(
                browser.driver.findElement(By.id("review:documents")).getText().contains("营业执照-"),
                "the agency sees the uploaded licence");
        browser.screenshot("agency-supplier-review");

        // the agency downloads the licence through the page: the same bytes the supplier uploaded
        Path downloads = Files.createTempDirectory("sunshine-downloads");
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        java.util.Map.of(
                                "behavior", "allow", "downloadPath", downloads.toString()));
        // the review panel is still settling after its AJAX (the layout moves): click once it
        // stands
        browser.waitForPage();
        browser.clickWhenSteady(By.cssSelector("button[id$=':download']"));
        browser.waiting()
                .until(
                        d -> {
                            try (var files = Files.list(downloads)) {
                                return files.anyMatch(f -> f.toString().endsWith(".pdf"));
                            } catch (IOException e) {
                                return false;
                            }
                        });
        Path got;
        try (var files = Files.list(downloads)) {
            got = files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        assertEquals(named.getFileName().toString(), got.getFileName().toString());
        assertArrayEquals(licence, Files.readAllBytes(got));
        browser.driver.findElement(By.id("review:verify")).click();
        browser.waitForPage();
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("messages"), "已审核通过"));
        browser.screenshot("agency-supplier-verified");
        signOut();

        signIn(username, PASSWORD);
        browser.open("/supplier/registration.xhtml");
        assertEquals(
                "VERIFIED",
                browser.driver
                        .findElement(By.id("registrationStatus"))
                        .getAttribute("data-status"));
        browser.screenshot("supplier-registration-verified");
        browser.open("/agency/suppliers.xhtml");
        assertEquals("无权访问", browser.driver.findElement(By.id("errorTitle")).getText());
        signOut();
    }

    @Test
    void aRejectedSupplierReadsTheReasonAndResubmitsOnItsPage() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/register.xhtml");
        browser.driver.findElement(By.id("nav:en")).click();
        // a full-page post: wait for the new page's heading, not for the old page's readiness
        browser.waiting()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(
                        ExpectedConditions.textToBe(
                                By.id("registerHeading"), "Register as a supplier"));
        browser.waitForPage();
        browser.screenshot("supplier-register-en");
        browser.driver.findElement(By.id("nav:zh")).click();
        browser.waiting()
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(
                        ExpectedConditions.not(
                                ExpectedConditions.textToBe(
                                        By.id("registerHeading"), "Register as a supplier")));
        browser.waitForPage();

        Supplier s = newSupplier();
        String reason = "开户银行名称不完整，请写明支行。";
        Answer rejected =
                post(
                        "/api/v1/suppliers/" + s.id() + "/verification",
                        Json.createObjectBuilder()
                                .add("decision", "REJECTED")
                                .add("reason", reason)
                                .build()
                                .toString(),
                        token("agency1", DEMO_PASSWORD),
                        null);
        assertEquals(200, rejected.status(), rejected.body());

        signIn(s.username(), PASSWORD);
        browser.open("/supplier/registration.xhtml");
        assertEquals(
                "REJECTED",
                browser.driver
                        .findElement(By.id("registrationStatus"))
                        .getAttribute("data-status"));
        assertEquals(reason, browser.driver.findElement(By.id("rejectionReason")).getText());
        browser.screenshot("supplier-registration-rejected");

        type("correct:bankName", "中国工商银行滨江支行营业部");
        browser.driver.findElement(By.id("correct:resubmit")).click();
        browser.waitForPage();
        assertTrue(
                browser.driver.getPageSource().contains("请阅读并确认企业规模声明"),
                "the declaration must be accepted anew");
        browser.driver
                .findElement(
                        By.cssSelector("[id='correct:sizeDeclarationAccepted'] .ui-chkbox-box"))
                .click();
        browser.driver.findElement(By.id("correct:resubmit")).click();
        browser.waitForPage();
        browser.waiting()
                .until(
                        ExpectedConditions.attributeToBe(
                                By.id("registrationStatus"), "data-status", "PENDING"));
        browser.screenshot("supplier-registration-resubmitted");
        Answer now = get("/api/v1/suppliers/" + s.id(), s.token(), null);
        assertEquals("中国工商银行滨江支行营业部", now.json().getString("bankName"));
        assertEquals(2, now.json().getInt("submissions"));

        browser.driver.findElement(By.id("nav:en")).click();
        browser.waitForPage();
        assertTrue(
                browser.driver
                        .findElement(By.id("registrationStatus"))
                        .getText()
                        .contains("Pending"));
        browser.screenshot("supplier-registration-en");
        browser.driver.findElement(By.id("nav:zh")).click();
        browser.waitForPage();
        signOut();
    }

    // --------------------------------------------------------------------------------- helpers

    record Supplier(long id, String name, String code, String username, String token) {}

    private static Supplier newSupplier() {
        String name = unique("滨江供应商");
        String code = creditCode();
        String username = unique("sup");
        Answer a = register(registration(name, code, username).build(), null);
        assertEquals(201, a.status(), a.body());
        assertTrue(
                a.json().containsKey("id")
                        && a.json().get("id").getValueType() == JsonValue.ValueType.NUMBER);
        return new Supplier(
                a.json().getJsonNumber("id").longValue(),
                name,
                code,
                username,
                token(username, PASSWORD));
    }

    private static JsonObjectBuilder registration(String name, String code, String username) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("creditCode", code)
                .add("legalRepresentative", "王伟")
                .add("contactName", "李娜")
                .add("contactPhone", "138-1234-5678")
                .add("contactEmail", "li.na@example.cn")
                .add("sizeClass", "SMALL")
                .add("bankName", "中国工商银行滨江支行")
                .add("bankAccountName", name)
                .add("bankAccountNumber", "1202 0212 0900 1234 567")
                .add("sizeDeclarationAccepted", true)
                .add("username", username)
                .add("displayName", "王伟")
                .add("password", PASSWORD);
    }

    private static Answer register(JsonObject json, String language) {
        return register(json.toString(), language);
    }

    private static Answer register(String json, String language) {
        return post("/api/v1/suppliers", json, null, language);
    }

    /** A valid 统一社会信用代码 no one else has: both check characters computed (GB 32100/11714). */
    static String creditCode() {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(RANDOM.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        int c = 11 - sum % 11;
        String first17 = "91330100" + body + (c == 10 ? "X" : c == 11 ? "0" : String.valueOf(c));
        int total = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            total += charset.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return first17 + charset.charAt((31 - total % 31) % 31);
    }

    /** A small, valid one-page PDF with a correct cross-reference table. */
    static byte[] pdf(String text) {
        String content =
                "BT /F1 18 Tf 72 720 Td (" + text.replaceAll("[^A-Za-z0-9 ]", "") + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = out.length();
            out.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            out.append(String.format("%010d 00000 n \n", offset));
        }
        out.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static Answer upload(
            Supplier s, String kind, String fileName, byte[] content, String language) {
        return upload(s.token(), s.id(), kind, fileName, content, language);
    }

    private static Answer upload(
            Supplier as, long supplierId, String kind, String fileName, byte[] content) {
        return upload(as.token(), supplierId, kind, fileName, content, null);
    }

    /** POST multipart/form-data with the fields kind and file, as a browser or curl -F sends it. */
    private static Answer upload(
            String token,
            long supplierId,
            String kind,
            String fileName,
            byte[] content,
            String language) {
        String boundary = "----sunshine" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (kind != null) {
            body.writeBytes(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n"
                                    + kind
                                    + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                + fileName.replace("\\", "\\\\").replace("\"", "\\\"")
                                + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                                URI.create(
                                        TestServer.BASE_URL
                                                + "/api/v1/suppliers/"
                                                + supplierId
                                                + "/documents"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (language != null) {
            b.header("Accept-Language", language);
        }
        HttpResponse<String> r =
                send(b, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static Answer put(String path, String json, String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r =
                send(b, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(
                r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static HttpResponse<byte[]> download(long supplierId, long documentId, String token) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                        URI.create(
                                TestServer.BASE_URL
                                        + "/api/v1/suppliers/"
                                        + supplierId
                                        + "/documents/"
                                        + documentId));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder b, HttpResponse.BodyHandler<T> h) {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static long countAudit(String actor, String action, String objectTypeOrId)
            throws SQLException {
        try (Connection c = TestServer.asApplication();
                PreparedStatement p =
                        c.prepareStatement(
                                "SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = ?"
                                        + " AND (object_type = ? OR object_id = ?)")) {
            p.setString(1, actor);
            p.setString(2, action);
            p.setString(3, objectTypeOrId);
            p.setString(4, objectTypeOrId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript(
                        "document.getElementById(arguments[0]).scrollIntoView({block:'start'});",
                        id);
    }

    private void type(String id, String text) {
        WebElement e = browser.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private void signIn(String username, String password) {
        browser.submitSignIn(username, password);
    }

    private void signOut() {
        browser.driver.findElement(By.id("nav:signOut")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }
}
