package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Browser;
import io.sunshine.support.PopplerTools;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole of stage 4 in a real browser, from the published auction result to filing: the buyer
 * drafts the contract on the project page, changes the bond, signs with the password; the supplier
 * signs from its work list; FINANCE verifies both signatures and files it; the buyer publishes the
 * notice. Screenshots of each step, and a PNG of the signed contract's first page and last page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    @AfterEach
    void realTime() {
        TestServer.delete("/api/v1/test-clock", token("admin", DEMO_PASSWORD));
    }

    private static void waitForText(Browser b, String id, String text) {
        try {
            b.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            b.screenshot("contract-failed-" + id);
            throw new AssertionError(
                    "no \""
                            + text
                            + "\" in #"
                            + id
                            + "; messages: "
                            + b.driver.findElement(By.id("messages")).getText(),
                    e);
        }
    }

    private static void signOnPage(Browser b) {
        b.driver.findElement(By.id("sign:password")).sendKeys(DEMO_PASSWORD);
        b.clickWhenSteady(By.id("sign:signButton"));
        b.waitForPage();
    }

    @Test
    void fromTheAuctionResultToFilingInTheBrowser() throws Exception {
        JsonObject award = ContractJourneyIT.publishedAward("多媒体教室计算机合同");
        long awardId = award.getJsonNumber("id").longValue();
        long contractId;
        try (Browser buyer = new Browser()) {
            buyer.signIn("purchaser1", DEMO_PASSWORD);
            buyer.open("/procurement/project.xhtml?awardId=" + awardId);
            buyer.screenshot("contract-0-award-buyer");
            buyer.clickWhenSteady(By.cssSelector("[id$='draftContract']"));
            buyer.waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("contractHeading")));
            buyer.waitForPage();
            String url = buyer.driver.getCurrentUrl();
            contractId = Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
            String page = buyer.driver.findElement(By.tagName("main")).getText();
            assertTrue(page.contains("人民币肆万伍仟伍佰元整"), page);
            assertTrue(page.contains("草稿"), page);
            buyer.screenshot("contract-1-draft-buyer");

            // a bond above 10 % is refused on the page; 8 % is saved
            var bond = buyer.driver.findElement(By.id("terms:bond_input"));
            bond.sendKeys(Keys.chord(Keys.CONTROL, "a"), "12");
            buyer.clickWhenSteady(By.id("terms:saveTerms"));
            waitForText(buyer, "messages", "10%");
            bond = buyer.driver.findElement(By.id("terms:bond_input"));
            bond.sendKeys(Keys.chord(Keys.CONTROL, "a"), "8");
            buyer.clickWhenSteady(By.id("terms:saveTerms"));
            waitForText(buyer, "messages", "已保存");

            // a wrong password is refused, then the buyer signs
            buyer.driver.findElement(By.id("sign:password")).sendKeys("wrong-password");
            buyer.clickWhenSteady(By.id("sign:signButton"));
            buyer.waitForPage();
            waitForText(buyer, "messages", "密码");
            signOnPage(buyer);
            waitForText(buyer, "contractState", "签署中");
            buyer.screenshot("contract-2-signed-buyer");
        }
        try (Browser supplier = new Browser()) {
            supplier.signIn("supplier4", DEMO_PASSWORD);
            supplier.open("/my/work.xhtml");
            supplier.screenshot("contract-3-work-supplier");
            supplier.open("/contracts/contract.xhtml?id=" + contractId);
            signOnPage(supplier);
            waitForText(supplier, "contractState", "已签订");
            supplier.screenshot("contract-4-signed-supplier");
        }
        try (Browser finance = new Browser()) {
            finance.signIn("finance1", DEMO_PASSWORD);
            finance.open("/contracts/contract.xhtml?id=" + contractId);
            finance.clickWhenSteady(By.id("sign:verifyButton"));
            finance.waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("sign:reports")));
            String reports = finance.driver.findElement(By.id("sign:reports")).getText();
            assertTrue(
                    reports.split("有效", -1).length - 1 >= 4,
                    "valid and trusted, twice: " + reports);
            assertTrue(reports.contains("未修改"), reports);
            finance.screenshot("contract-5-verified-finance");
            finance.clickWhenSteady(By.id("review:fileButton"));
            waitForText(finance, "contractState", "已备案");
            finance.screenshot("contract-6-filed-finance");
        }
        try (Browser buyer = new Browser()) {
            buyer.signIn("purchaser1", DEMO_PASSWORD);
            buyer.open("/contracts/contract.xhtml?id=" + contractId);
            buyer.clickWhenSteady(By.cssSelector("[id^='notice:withheld'] .ui-chkbox-box"));
            buyer.clickWhenSteady(By.id("notice:publishNotice"));
            buyer.waiting()
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("contractNotice")));
            buyer.screenshot("contract-7-notice-buyer");
        }

        // the signed PDF as a picture: first page and the signature page
        HttpResponse<byte[]> pdf =
                TestServer.download(
                        "/api/v1/contracts/" + contractId + "/pdf",
                        token("finance1", DEMO_PASSWORD),
                        null);
        assertEquals(200, pdf.statusCode());
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve("contract-signed.pdf");
        Files.write(file, pdf.body());
        PopplerTools.png(file, 1, 80, dir.resolve("contract-page1"));
        String info = PopplerTools.run(java.util.List.of("pdfinfo", file.toString())).output();
        int pages = Integer.parseInt(info.replaceAll("(?s).*Pages:\\s+(\\d+).*", "$1"));
        PopplerTools.png(file, pages, 80, dir.resolve("contract-page-last"));
    }
}
