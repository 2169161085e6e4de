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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Each demo role signs in through the browser and lands on its own "my work" page; a screenshot per
 * role is saved under target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInEachRoleIT {
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

    private void signIn(String username, String password) {
        browser.submitSignIn(username, password);
    }

    private void signOut() {
        browser.driver.findElement(By.id("nav:signOut")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));
    }

    @ParameterizedTest(name = "{0} signs in as {1}")
    @CsvSource({
        "admin, ADMIN, 王立（平台管理员）",
        "finance1, FINANCE, 李敏（采购监管处）",
        "supervisor1, SUPERVISOR, 赵刚（财政监督局）",
        "purchaser1, PURCHASER, 陈静",
        "agency1, AGENCY, 周婷（采购中心）",
        "supplier1, SUPPLIER, 吴强",
        "expert1, EXPERT, 杨建国（信息技术）"
    })
    void eachRoleLandsOnItsOwnWorkPage(String username, String role, String displayName) {
        signIn(username, DEMO_PASSWORD);
        browser.waiting().until(ExpectedConditions.urlContains("/my/work.xhtml"));
        WebElement heading = browser.driver.findElement(By.id("workHeading"));
        assertTrue(heading.getText().contains(displayName), heading.getText());
        assertEquals(displayName, browser.driver.findElement(By.id("signedInUser")).getText());
        assertEquals(
                1,
                browser.driver.findElements(By.cssSelector("[data-role='" + role + "']")).size());
        browser.screenshot("work-" + role.toLowerCase());
        signOut();
    }

    @Test
    void theHomePageIsPublic() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/");
        assertEquals("欢迎使用阳光采购平台", browser.driver.findElement(By.id("welcome")).getText());
        browser.driver.findElement(By.id("deadline:compute")).click();
        browser.waitForPage();
        browser.waiting()
                .until(ExpectedConditions.presenceOfElementLocated(By.id("deadline:result")));
        browser.screenshot("home");
    }

    @Test
    void aWrongPasswordShowsAClearMessageAndNoSession() {
        signIn("finance1", "not-the-password");
        assertTrue(browser.driver.getCurrentUrl().contains("/login.xhtml"));
        assertTrue(browser.driver.getPageSource().contains("用户名或密码错误"));
        browser.screenshot("sign-in-refused");
        browser.open("/my/work.xhtml");
        assertTrue(
                browser.driver.getCurrentUrl().contains("/login.xhtml?next="), "still signed out");
    }

    @Test
    void aSupplierCannotOpenAdministrationPages() {
        signIn("supplier3", DEMO_PASSWORD);
        browser.open("/admin/users.xhtml");
        assertEquals("无权访问", browser.driver.findElement(By.id("errorTitle")).getText());
        browser.screenshot("access-denied");
        signOut();
    }

    @Test
    void theLanguageSwitchesToEnglish() {
        signIn("agency1", DEMO_PASSWORD);
        browser.driver.findElement(By.id("nav:en")).click();
        browser.waitForPage();
        assertTrue(browser.driver.findElement(By.id("workHeading")).getText().startsWith("Hello,"));
        browser.screenshot("work-agency-en");
        browser.driver.findElement(By.id("nav:zh")).click();
        browser.waitForPage();
        signOut();
    }

    @Test
    void anAdministratorRegistersAnOrganisationAndAUserOnThePages() {
        String orgName = TestServer.unique("滨江测试科技有限公司");
        String username = TestServer.unique("pageuser");
        signIn("admin", DEMO_PASSWORD);

        browser.open("/admin/organisations.xhtml");
        browser.driver.findElement(By.id("orgForm:name")).sendKeys(orgName);
        browser.choose("orgForm:type", "供应商");
        browser.choose("orgForm:sizeClass", "小型企业");
        browser.driver.findElement(By.id("orgForm:create")).click();
        browser.waitForPage();
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("messages"), orgName));
        browser.screenshot("admin-organisations");

        browser.open("/admin/users.xhtml");
        browser.choose("userForm:organisationId", orgName + "（供应商）");
        browser.waiting()
                .until(
                        ExpectedConditions.attributeToBe(
                                By.id("userForm:roles:0"), "value", "SUPPLIER"));
        browser.driver.findElement(By.id("userForm:username")).sendKeys(username);
        browser.driver.findElement(By.id("userForm:displayName")).sendKeys("页面测试用户");
        browser.driver.findElement(By.id("userForm:password")).sendKeys("weak");
        browser.waiting()
                .until(
                        ExpectedConditions.invisibilityOfElementLocated(
                                By.id("userForm:password_panel")));
        browser.driver.findElement(By.id("userForm:create")).click();
        browser.waitForPage();
        browser.screenshot("admin-users-refused");
        assertTrue(
                browser.driver.getPageSource().contains("且不能与用户名相同"),
                "a weak password is refused on the page");

        WebElement password = browser.driver.findElement(By.id("userForm:password"));
        password.clear();
        password.sendKeys("Str0ng#Pass");
        browser.waiting()
                .until(
                        ExpectedConditions.invisibilityOfElementLocated(
                                By.id("userForm:password_panel")));
        browser.driver.findElement(By.id("userForm:create")).click();
        browser.waitForPage();
        browser.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("messages"), username));
        browser.screenshot("admin-users");
        signOut();

        signIn(username, "Str0ng#Pass");
        browser.waiting().until(ExpectedConditions.urlContains("/my/work.xhtml"));
        assertEquals("页面测试用户", browser.driver.findElement(By.id("signedInUser")).getText());
        signOut();
    }

    @Test
    void theSupervisorVerifiesTheAuditChainOnThePage() {
        signIn("supervisor1", DEMO_PASSWORD);
        browser.open("/supervision/audit.xhtml");
        browser.driver.findElement(By.id("audit:verify")).click();
        browser.waitForPage();
        assertTrue(browser.driver.getPageSource().contains("审计链完整"), "chain intact");
        browser.screenshot("audit-trail");
        signOut();
    }
}
