package io.sunshine.journey;

import static io.sunshine.support.TestServer.DEMO_PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sunshine.support.Browser;
import io.sunshine.support.RealEar;
import io.sunshine.support.TestServer;
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
 * Stage 1 in a real browser: a purchasing unit drafts a requirement on the page and submits it (its
 * budget line's free balance drops by the frozen amount), FINANCE finds it on its work page and
 * approves the plan, and the unit publishes the procurement intention, which the public list shows
 * without sign-in. Screenshots of every step go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanApprovalBrowserIT {
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

    private void type(String id, String text) {
        WebElement e = browser.driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    /** Types into an input whose change event runs AJAX, and waits for it. */
    private void typeAndLeave(String id, String text) {
        type(id, text);
        browser.driver.findElement(By.id("req:title")).click();
        browser.waitForPage();
    }

    private String state() {
        return browser.driver.findElement(By.id("reqState")).getText();
    }

    @Test
    void aUnitSubmitsARequirementAndFinanceApprovesThePlan() {
        String title = TestServer.unique("实验室计算机采购");
        browser.signIn("purchaser1", DEMO_PASSWORD);
        browser.open("/procurement/requirement.xhtml");
        type("req:title", title);
        type("req:summary", "为物理、化学实验室配备台式计算机。");
        String line = browser.chooseStartingWith("req:budgetLineId", "滨财预");
        assertTrue(line.contains("可用余额"), line);

        WebElement code = browser.driver.findElement(By.id("req:items:0:code_input"));
        code.sendKeys("A02010105");
        By suggestion =
                By.cssSelector("[id='req:items:0:code_panel'] li[data-item-value='A02010105']");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(suggestion)).click();
        browser.waitForPage();
        type("req:items:0:name", "台式计算机");
        type("req:items:0:spec", "8 核处理器，16GB 内存，512GB 固态硬盘");
        typeAndLeave("req:items:0:quantity", "30");
        type("req:items:0:unit", "台");
        typeAndLeave("req:items:0:unitPrice", "5200");
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("req:total"), "156,000.00"));
        browser.choose("req:method", "竞争性磋商");
        browser.screenshot("requirement-draft");

        browser.driver.findElement(By.id("req:submit")).click();
        browser.waiting()
                .until(ExpectedConditions.elementToBeClickable(By.id("req:confirmYes")))
                .click();
        browser.waiting().until(ExpectedConditions.urlContains("requirement.xhtml?id="));
        browser.waitForPage();
        assertEquals("待审批", state());
        String reference = browser.driver.findElement(By.id("reqHeading")).getText().split(" ")[0];
        assertTrue(reference.startsWith("XQ-"), reference);
        assertTrue(browser.driver.findElement(By.id("viewTotal")).getText().contains("156,000.00"));
        browser.screenshot("requirement-submitted");

        browser.signIn("finance1", DEMO_PASSWORD);
        browser.waiting().until(ExpectedConditions.urlContains("/my/work.xhtml"));
        WebElement work =
                browser.waiting()
                        .until(
                                ExpectedConditions.elementToBeClickable(
                                        By.xpath(
                                                "//a[contains(@class,'work-link') and"
                                                        + " contains(.,'"
                                                        + reference
                                                        + "')]")));
        browser.screenshot("work-finance-plan");
        work.click();
        browser.waitForPage();
        type("decision:note", "同意，请按竞争性磋商组织实施。");
        browser.driver.findElement(By.id("decision:approve")).click();
        browser.waitForPage();
        assertEquals("已批准", state());
        assertTrue(browser.driver.findElement(By.id("messages")).getText().contains(reference));
        assertEquals("待公开", browser.driver.findElement(By.id("intentionState")).getText());
        browser.screenshot("requirement-approved");

        browser.open("/budget/lines.xhtml");
        browser.screenshot("budget-lines-finance");

        browser.signIn("purchaser1", DEMO_PASSWORD);
        browser.open("/procurement/requirements.xhtml");
        browser.driver.findElement(By.linkText(reference)).click();
        browser.waitForPage();
        browser.driver.findElement(By.id("publication:publish")).click();
        browser.waitForPage();
        assertEquals("已公开", browser.driver.findElement(By.id("intentionState")).getText());
        browser.screenshot("requirement-intention-published");

        browser.driver.manage().deleteAllCookies();
        browser.open("/notices/intentions.xhtml");
        assertTrue(browser.driver.findElement(By.id("intentions")).getText().contains(title));
        browser.screenshot("intentions-public");
    }

    @Test
    void financeReturnsAPlanWithAReasonAndTheUnitSeesIt() {
        browser.signIn("finance1", DEMO_PASSWORD);
        browser.open("/procurement/requirements.xhtml");
        browser.choose("listForm:state", "待审批");
        browser.screenshot("requirements-finance");
        browser.driver.findElement(By.cssSelector("[id='listForm:reqTable'] a.line-code")).click();
        browser.waitForPage();
        browser.driver.findElement(By.id("decision:returnPlan")).click();
        browser.waitForPage();
        assertTrue(
                browser.driver.getPageSource().contains("此操作须填写理由"),
                "a return without a reason is refused with a clear message");
        assertEquals("待审批", state(), "and changes nothing");
        type("decision:reason", "单价高于市场均价，请重新询价后提交。");
        browser.driver.findElement(By.id("decision:returnPlan")).click();
        browser.waitForPage();
        assertEquals("已退回", state());
        browser.screenshot("requirement-returned");
    }
}
