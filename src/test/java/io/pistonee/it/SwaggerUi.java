package io.pistonee.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
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
        return tryOut(tag, operationId, Map.of());
    }

    /**
     * Expands an operation, presses "Try it out", fills in parameters by name, presses "Execute", and
     * returns the response body shown.
     */
    String tryOut(String tag, String operationId, Map<String, String> parameters) {
        WebElement operation = operation(tag, operationId);
        if (operation.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        }
        WebElement tryOut = wait.until(ExpectedConditions.elementToBeClickable(inside(operation, ".try-out__btn")));
        if (tryOut.getText().toLowerCase().contains("try")) {
            tryOut.click();
        }
        parameters.forEach((name, value) -> {
            WebElement input = wait.until(ExpectedConditions.elementToBeClickable(
                    inside(operation, "tr[data-param-name='" + name + "'] input")));
            input.clear();
            input.sendKeys(value);
        });
        operation.findElements(By.cssSelector(".btn-clear")).forEach(WebElement::click);
        wait.until(ExpectedConditions.elementToBeClickable(inside(operation, ".execute")))
                .click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                        inside(operation, ".live-responses-table .response-col_description pre")))
                .getText();
    }

    /** The curl command Swagger UI shows for the last request of an operation: what it really sent. */
    String curl(String tag, String operationId) {
        return operation(tag, operationId)
                .findElement(By.cssSelector(".curl-command .curl"))
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
        authorize(httpScheme("basic"), scheme -> {
            scheme.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
            scheme.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
        });
    }

    /** "Authorize" with a bearer token (the {@code bearer} scheme's value). */
    void authorizeBearer(String token) {
        authorize(
                httpScheme("bearer"),
                scheme -> scheme.findElement(By.id("auth-bearer-value")).sendKeys(token));
    }

    /**
     * "Authorize" through the OAuth 2 password flow: the page itself asks the document's token URL for
     * a token, sending the client's credentials in the {@code Authorization} header.
     */
    void authorizeOAuthPassword(String user, String password, String clientId, String clientSecret) {
        authorize(
                "//div[contains(@class,'auth-container')]"
                        + "//div[h4[starts-with(normalize-space(.),'oauth2 (OAuth2, password)')]]",
                scheme -> {
                    scheme.findElement(By.id("oauth_username")).sendKeys(user);
                    scheme.findElement(By.id("oauth_password")).sendKeys(password);
                    scheme.findElement(By.id("client_id_password")).sendKeys(clientId);
                    scheme.findElement(By.id("client_secret_password")).sendKeys(clientSecret);
                });
    }

    /** "Logout" of every scheme that is authorized. */
    void logout() {
        openAuthorizations();
        By logout = By.xpath("//div[contains(@class,'dialog-ux')]//button[contains(.,'Logout')]");
        for (int i = 0; i < 5 && !driver.findElements(logout).isEmpty(); i++) {
            driver.findElements(logout).get(0).click();
        }
        closeAuthorizations();
    }

    /** The XPath of an HTTP scheme's form in the "Authorize" dialog. */
    private static String httpScheme(String name) {
        return "//div[contains(@class,'auth-container')][.//h4/code[normalize-space(.)='" + name + "']]";
    }

    /** Opens "Authorize", fills in one scheme's form (its XPath), authorizes it and closes the dialog. */
    private void authorize(String container, Consumer<WebElement> fill) {
        openAuthorizations();
        fill.accept(wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(container))));
        driver.findElement(By.xpath(container + "//button[contains(@class,'authorize')]"))
                .click();
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath(container + "//button[contains(.,'Logout')]")));
        } catch (TimeoutException e) {
            screenshot("swagger-ui-authorize-failed");
            throw new AssertionError(
                    "Authorize did not succeed; the dialog says: "
                            + driver.findElement(By.xpath(container)).getText(),
                    e);
        }
        closeAuthorizations();
    }

    private void openAuthorizations() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dialog-ux .modal-ux")));
    }

    private void closeAuthorizations() {
        driver.findElement(By.cssSelector(".dialog-ux .close-modal")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".dialog-ux .modal-ux")));
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
