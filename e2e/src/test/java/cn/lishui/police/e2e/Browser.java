package cn.lishui.police.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven by Selenium: Debian's {@code chromium} and {@code chromium-driver}, found at
 * the paths below (or {@code FENGQIAO_CHROMIUM} / {@code FENGQIAO_CHROMEDRIVER}); nothing is downloaded.
 * Where they are missing the test is skipped ({@code .ci/run} installs them). {@link #screenshot} saves
 * the page and its HTML under {@code e2e/target/e2e/screenshots/}.
 */
final class Browser implements AutoCloseable {

    /** A phone's screen, as most compatriots see the portal. */
    static final int[] PHONE = {390, 844};
    /** A command-room desktop. */
    static final int[] DESKTOP = {1366, 900};

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Opens a browser with the given window size and zh-CN as the browser language. */
    static Browser open(int[] windowSize) {
        File chromium = executable("FENGQIAO_CHROMIUM", "/usr/bin/chromium");
        File chromedriver = executable("FENGQIAO_CHROMEDRIVER", "/usr/bin/chromedriver");
        Assumptions.assumeTrue(chromium != null && chromedriver != null,
                "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--lang=zh-CN",
                "--window-size=" + windowSize[0] + "," + windowSize[1]);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    private static File executable(String variable, String defaultPath) {
        String configured = System.getenv(variable);
        File file = new File(configured != null && !configured.isBlank() ? configured : defaultPath);
        return file.canExecute() ? file : null;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits until an element is visible and returns it. */
    WebElement visible(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until an element can be clicked, then clicks it. */
    void click(By by) {
        await(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Clears an input and types into it. */
    void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    /** Waits until an element's text contains the given text. */
    void awaitText(By by, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /**
     * Waits until the condition holds. A page that navigates on its own (the console sends a visitor to the
     * sign-in page from a script, the sign-in page back to the console) can make ChromeDriver abort a command
     * that was running while the page changed ("aborted by navigation", or an element of the old page gone
     * stale): that only means the page is not there yet, so the condition is asked again.
     */
    <T> T await(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(current -> {
            try {
                return condition.apply(current);
            } catch (WebDriverException e) {
                if (e instanceof StaleElementReferenceException || !abortedByNavigation(e)) {
                    throw e;
                }
                return null;
            }
        });
    }

    private static boolean abortedByNavigation(WebDriverException e) {
        String message = e.getRawMessage();
        return message != null && (message.contains("aborted by navigation")
                || message.contains("Inspected target navigated or closed"));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Saves a PNG of the window and the page's HTML as {@code <name>.png} and {@code <name>.html}. */
    Path screenshot(String name) {
        Path directory = E2eSettings.workDir().resolve("screenshots");
        try {
            Files.createDirectories(directory);
            Path png = directory.resolve(name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(directory.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
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
