package io.sunshine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (never a downloaded browser), with the
 * flags this closed network needs, and helpers to wait on the page rather than sleep.
 */
public final class Browser implements AutoCloseable {
    public final WebDriver driver;
    private final Path userDataDir;

    public Browser() {
        try {
            userDataDir = Files.createTempDirectory("sunshine-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--lang=zh-CN",
                "--user-data-dir=" + userDataDir);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                        .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public void open(String path) {
        driver.get(TestServer.BASE_URL + path);
        waitForPage();
    }

    /** Waits until the document is loaded and the PrimeFaces AJAX queue is empty. */
    public void waitForPage() {
        // a script run while the document is being replaced can fail in chromedriver: ask again
        waiting()
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(
                        d ->
                                Boolean.TRUE.equals(
                                        ((JavascriptExecutor) d)
                                                .executeScript(
                                                        "return document.readyState === 'complete'"
                                                            + " && (!window.PrimeFaces ||"
                                                            + " PrimeFaces.ajax.Queue.isEmpty());")));
    }

    /**
     * Picks an item of a PrimeFaces selectOneMenu by its label, as a user does (open, click the
     * item), and waits for the AJAX it triggers. On a loaded machine the first click can land while
     * the panel is still animating in and be lost; the pick is then tried again, up to three times,
     * and the assertion is on the shown label, so a wrong pick still fails.
     */
    public void choose(String menuId, String label) {
        choose(menuId, label, "=");
    }

    /** Picks the first item whose label starts with {@code prefix} (labels that hold figures). */
    public String chooseStartingWith(String menuId, String prefix) {
        choose(menuId, prefix, "^=");
        // the label may be re-rendered by the AJAX the pick started: read it once it stands still
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id(menuId + "_label")).getText());
    }

    private void choose(String menuId, String label, String match) {
        By menu = By.id(menuId);
        By panel = By.id(menuId + "_panel");
        By item =
                By.cssSelector(
                        "[id='" + menuId + "_panel'] li[data-label" + match + "'" + label + "']");
        waiting()
                .until(
                        d ->
                                !d.findElement(menu)
                                        .getAttribute("class")
                                        .contains("ui-state-disabled"));
        TimeoutException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                waitForPage();
                if (!driver.findElement(panel).isDisplayed()) {
                    driver.findElement(menu).click();
                }
                waiting().until(ExpectedConditions.visibilityOfElementLocated(panel));
                List<WebElement> filter = driver.findElements(By.id(menuId + "_filter"));
                if (!filter.isEmpty() && filter.get(0).getAttribute("value").isEmpty()) {
                    filter.get(0).sendKeys(label);
                }
                waiting().until(ExpectedConditions.elementToBeClickable(item)).click();
                new WebDriverWait(driver, Duration.ofSeconds(8))
                        .ignoring(StaleElementReferenceException.class)
                        .until(
                                d -> {
                                    String shown =
                                            d.findElement(By.id(menuId + "_label")).getText();
                                    return match.equals("=")
                                            ? shown.equals(label)
                                            : shown.startsWith(label);
                                });
                waitForPage();
                waiting().until(ExpectedConditions.invisibilityOfElementLocated(panel));
                return;
            } catch (TimeoutException e) {
                last = e;
            } catch (StaleElementReferenceException e) {
                // the menu was re-rendered under the click (AJAX of an earlier field): pick again
                last = new TimeoutException("menu " + menuId + " re-rendered while picking", e);
            }
        }
        throw last;
    }

    /**
     * Clicks an element once nothing covers it: a panel that is still expanding after an AJAX
     * update can put another element over the target for a moment ({@code
     * ElementClickInterceptedException}).
     */
    public void clickWhenSteady(By target) {
        for (int attempt = 0; ; attempt++) {
            try {
                WebElement e = waiting().until(ExpectedConditions.elementToBeClickable(target));
                ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
                e.click();
                return;
            } catch (org.openqa.selenium.ElementClickInterceptedException
                    | StaleElementReferenceException e) {
                if (attempt >= 4) {
                    throw e;
                }
                waitForPage();
            }
        }
    }

    /** Signs in on the sign-in page, starting from no session, and waits until it has. */
    public void signIn(String username, String password) {
        submitSignIn(username, password);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("signedInUser")));
    }

    /**
     * Submits the sign-in form from no session and waits until the answer page has replaced the
     * form (signed in, or the form again with its refusal). Waiting only for "page complete" right
     * after the click can see the old page: a navigation then leaves the session anonymous, which a
     * loaded CI machine showed.
     */
    public void submitSignIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login.xhtml");
        driver.findElement(By.id("login:username")).sendKeys(username);
        driver.findElement(By.id("login:password")).sendKeys(password);
        WebElement submit = driver.findElement(By.id("login:submit"));
        submit.click();
        // the old form is gone once its button is: chromedriver answers "stale" or, for a node of a
        // document already replaced, "does not belong to the document" — both mean the page changed
        waiting()
                .until(
                        d -> {
                            try {
                                submit.getTagName();
                                return false;
                            } catch (org.openqa.selenium.WebDriverException gone) {
                                return true;
                            }
                        });
        waitForPage();
    }

    /** Saves a PNG of the page under target/screenshots. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, png, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
