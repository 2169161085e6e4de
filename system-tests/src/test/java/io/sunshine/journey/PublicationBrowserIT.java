package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static io.sunshine.support.TestServer.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Browser;
import io.sunshine.support.Procurement;
import io.sunshine.support.Procurement.Item;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Stage 2 in Chromium, as its three users live it: the agency opens a project from an approved plan
 * on the projects page, sets the deadline, uploads the documents and publishes the notice; an
 * anonymous visitor finds the notice on the public portal by a two-character Chinese word of its
 * title; a supplier opens the project from the notice and enrols in its lot. Screenshots of each
 * step go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicationBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return RealEar.build();
    }

    private static void type(Browser b, String id, String text) {
        WebElement e = b.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    @Test
    void theAgencyPublishesTheVisitorFindsItByAChineseWordAndASupplierEnrols() throws IOException {
        // stage 1 through the API: an approved plan whose title holds the word the visitor types
        String title = TestServer.unique("多功能会议室智慧黑板采购");
        JsonObject plan =
                Procurement.approvedPlan(
                        token("purchaser1", DEMO_PASSWORD),
                        token("finance1", DEMO_PASSWORD),
                        "REQUEST_FOR_QUOTATION",
                        null,
                        List.of(new Item("A02020700", "会议室智慧黑板", "6", "块", "15800.00")));
        String reference = plan.getString("reference");
        Path pdf = Files.createTempFile("询价文件", ".pdf");
        Files.write(pdf, Procurement.pdf("Request for quotation documents"));

        try (Browser agency = new Browser()) {
            agency.signIn("agency1", DEMO_PASSWORD);
            agency.open("/procurement/projects.xhtml");
            agency.waiting()
                    .until(
                            ExpectedConditions.elementToBeClickable(
                                    By.xpath(
                                            "//tr[contains(.,'"
                                                    + reference
                                                    + "')]//td[contains(@class,'ui-selection-column')]"
                                                    + "//div[contains(@class,'ui-chkbox-box')]")))
                    .click();
            type(agency, "plans:projectTitle", title);
            agency.screenshot("project-plans-agency");
            agency.driver.findElement(By.id("plans:openProject")).click();
            agency.waiting().until(ExpectedConditions.urlContains("project.xhtml?id="));
            agency.waitForPage();
            String url = agency.driver.getCurrentUrl();
            long projectId = Long.parseLong(url.substring(url.indexOf("id=") + 3).split("&")[0]);
            assertEquals("草稿", agency.driver.findElement(By.id("prjState")).getText());

            // the deadline: twelve days ahead, 09:30 Beijing time (request for quotation: ≥ 3 WD)
            String deadline = LocalDate.now(Procurement.SHANGHAI).plusDays(12) + " 09:30";
            WebElement input = agency.driver.findElement(By.id("prj:bidDeadline_input"));
            input.clear();
            input.sendKeys(deadline);
            input.sendKeys(Keys.ESCAPE);
            type(agency, "prj:description", "会议室智慧黑板 6 块，含安装调试。");
            agency.driver.findElement(By.id("prj:save")).click();
            agency.waitForPage();
            assertTrue(
                    agency.driver.findElement(By.id("messages")).getText().contains("已保存"),
                    agency.driver.findElement(By.id("messages")).getText());

            agency.driver.findElement(By.id("upload:file")).sendKeys(pdf.toString());
            agency.driver.findElement(By.id("upload:send")).click();
            agency.waitForPage();
            agency.waiting()
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("docs:documents"), ".pdf"));
            agency.screenshot("project-draft-agency");

            agency.driver.findElement(By.id("prj:publish")).click();
            agency.waiting()
                    .until(ExpectedConditions.elementToBeClickable(By.id("prj:confirmYes")))
                    .click();
            agency.waiting()
                    .until(
                            ExpectedConditions.textToBePresentInElementLocated(
                                    By.id("prjState"), "已发布"));
            agency.waitForPage();
            assertTrue(agency.driver.findElement(By.id("notices")).getText().contains("询价公告"));
            agency.screenshot("project-published-agency");

            // anyone, without signing in, finds the notice by 黑板
            try (Browser visitor = new Browser()) {
                visitor.open("/notices/index.xhtml");
                type(visitor, "filters:q", "黑板");
                visitor.driver.findElement(By.id("filters:search")).click();
                visitor.waitForPage();
                WebElement hit =
                        visitor.waiting()
                                .until(
                                        ExpectedConditions.elementToBeClickable(
                                                By.partialLinkText(title)));
                visitor.screenshot("portal-search-heiban");
                hit.click();
                visitor.waitForPage();
                visitor.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("noticeTitle")));
                assertTrue(
                        visitor.driver.findElement(By.id("noticeTitle")).getText().contains(title));
                assertTrue(
                        visitor.driver.findElement(By.id("deadlines")).getText().contains("09:30"),
                        visitor.driver.findElement(By.id("deadlines")).getText());
                visitor.screenshot("notice-public");

                // a supplier signs in, opens the project and enrols in its lot
                visitor.signIn("supplier1", DEMO_PASSWORD);
                assertTrue(
                        visitor.driver.findElements(By.id("signedInUser")).size() == 1,
                        "supplier1 signed in: " + visitor.driver.getCurrentUrl());
                visitor.open("/supplier/project.xhtml?id=" + projectId);
                visitor.waitForPage();
                visitor.screenshot("supplier-project-before-enrol");
                List<WebElement> enrol = visitor.driver.findElements(By.id("project:lots:0:enrol"));
                assertEquals(
                        1,
                        enrol.size(),
                        "the enrol button on "
                                + visitor.driver.getCurrentUrl()
                                + ": "
                                + visitor.driver.findElement(By.tagName("main")).getText());
                enrol.get(0).click();
                visitor.waiting()
                        .until(
                                ExpectedConditions.visibilityOfElementLocated(
                                        By.id("project:lots:0:enrolled")));
                visitor.screenshot("supplier-enrolled");
            }
        } finally {
            try {
                Files.deleteIfExists(pdf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
