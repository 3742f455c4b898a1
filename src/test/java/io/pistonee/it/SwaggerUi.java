package io.pistonee.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI in Debian's headless Chromium ({@code chromium} and {@code chromium-driver}), driven by
 * WebDriver. Never a downloaded browser: both binaries must be installed from Debian's packages
 * ({@code .ci/run} installs them); without them the test fails saying so.
 */
final class SwaggerUi implements AutoCloseable {

    static final File CHROMIUM = new File(System.getProperty("it.chromium", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final WebDriverWait wait;

    private SwaggerUi(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Opens the page; fails with the install command when Chromium or its driver is missing. */
    static SwaggerUi open(String url) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new AssertionError("The Swagger UI test needs Debian's headless Chromium: " + CHROMIUM + " and "
                    + CHROMEDRIVER + " are missing. Install them with 'apt-get install chromium chromium-driver'"
                    + " (.ci/run does).");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,2000",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-features=OptimizationHints,MediaRouter",
                        "--user-data-dir=" + tmp("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort()
                .build();
        SwaggerUi ui = new SwaggerUi(new ChromeDriver(service, options));
        ui.driver.get(url);
        return ui;
    }

    /** Expands an operation, presses "Try it out" and "Execute", and returns the response body shown. */
    String tryOut(String tag, String operationId) {
        WebElement operation = operation(tag, operationId);
        if (operation.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        }
        WebElement tryOut = wait.until(ExpectedConditions.elementToBeClickable(inside(operation, ".try-out__btn")));
        if (tryOut.getText().toLowerCase().contains("try")) {
            tryOut.click();
        }
        operation.findElements(By.cssSelector(".btn-clear")).forEach(WebElement::click);
        wait.until(ExpectedConditions.elementToBeClickable(inside(operation, ".execute")))
                .click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                        inside(operation, ".live-responses-table .response-col_description pre")))
                .getText();
    }

    /** The status of the last response shown for an operation. */
    String status(String tag, String operationId) {
        return operation(tag, operationId)
                .findElement(By.cssSelector(".live-responses-table .response .response-col_status"))
                .getText()
                .strip();
    }

    /** "Authorize" with a user name and password for HTTP Basic. */
    void authorizeBasic(String user, String password) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize")))
                .click();
        WebElement basic = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//div[contains(@class,'auth-container')][.//h4[contains(.,'basic')]]")));
        basic.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        basic.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
        basic.findElement(By.cssSelector("button.authorize")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'auth-container')][.//h4[contains(.,'basic')]]//button[contains(.,'Logout')]")));
        driver.findElement(By.cssSelector(".dialog-ux .close-modal")).click();
    }

    /** Saves a screenshot as {@code target/<name>-<server>.png}. */
    void screenshot(String name) {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        String server = System.getProperty("arquillian.launch", "server");
        try {
            Files.write(Path.of(System.getProperty("basedir", "."), "target", name + "-" + server + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement operation(String tag, String operationId) {
        return wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.id("operations-" + tag + "-" + operationId)));
    }

    private static By inside(WebElement operation, String css) {
        return By.cssSelector("#" + operation.getAttribute("id") + " " + css);
    }

    private static String tmp(String name) {
        try {
            return Files.createTempDirectory(name).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
