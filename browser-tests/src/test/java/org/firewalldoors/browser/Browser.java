package org.firewalldoors.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through the system's chromedriver. Both paths are given to Selenium explicitly,
 * so Selenium Manager is never asked to find (or download) a driver or a browser. A missing browser or
 * driver fails the test with the command that installs them.
 */
final class Browser implements AutoCloseable {

    private final Path profile;
    final ChromeDriver driver;
    private final String base;

    private static File chromium() {
        return new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    }

    private static File chromedriver() {
        return new File(System.getProperty("chromedriver.path", "/usr/bin/chromedriver"));
    }

    /** Fails, saying how to install them, unless the browser and its driver are there. */
    static void requireInstalled() {
        if (!chromium().canExecute() || !chromedriver().canExecute()) {
            fail("the browser tests need Chromium and its driver at " + chromium() + " and " + chromedriver()
                    + " (Debian: apt-get install chromium chromium-driver; other paths with -Dchromium.binary= "
                    + "and -Dchromedriver.path=)");
        }
    }

    Browser(String base) throws IOException {
        this.base = base;
        requireInstalled();
        File chromium = chromium();
        File chromedriver = chromedriver();
        profile = Files.createTempDirectory("firewalldoors-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1100", "--user-data-dir=" + profile);
        // The driver executable given here means Selenium Manager is not consulted (DriverFinder).
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.getPath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebDriverWait waitUp() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    WebElement find(String css) {
        return waitUp().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains {@code text}; returns the element's text. */
    String waitForText(String css, String text) {
        waitUp().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    void click(String css) {
        waitUp().until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Signs in on the sign-in page and waits until the user's page shows who is signed in. */
    void signIn(String user) {
        open("/app/signin");
        type("#user", user);
        type("#password", "demo");
        click("#signin-button");
        waitForText("#who-user", user);
    }

    void signOut() {
        click("#sign-out");
        find("#signin-form");
    }

    /** Saves a screenshot of the page as {@code name.png} in the screenshots folder. */
    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> all = Files.walk(profile)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
