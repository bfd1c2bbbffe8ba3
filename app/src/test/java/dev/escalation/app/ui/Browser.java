package dev.escalation.app.ui;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless chromium (Debian's chromium and chromium-driver) for a whole test class: people log
 * in and out through the login form; screenshots go to target/ui-screenshots.
 */
final class Browser implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final ChromeDriverService service;
  private final Path profile;
  private final String base;

  Browser(int port) throws IOException {
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        fail(p + " is missing: the UI browser tests need Debian's chromium and chromium-driver (bin/test installs them).");
      }
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("work-surfaces-chromium");
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1280,720", "--lang=en-GB", "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    base = "http://localhost:" + port;
  }

  /** Logs out whoever was logged in (a fresh session), then in through the form; waits until the UI knows who it is. */
  void logIn(String username) {
    logIn(username, "demo");
  }

  void logIn(String username, String password) {
    // Leave the app first: the page of the previous user keeps its event stream and refreshes running, and one of
    // them answering after the cookies are gone would set a new XSRF-TOKEN cookie under the login form, whose
    // token then no longer matches (a 403 on POST /login, seen once in a full run).
    driver.get("about:blank");
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of()); // every site's: about:blank has none of its own
    driver.get(base + "/");
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/"));
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("current-user"), username + " ("));
    } catch (TimeoutException e) {
      throw new AssertionError("not logged in; browser console: " + driver.manage().logs().get(LogType.BROWSER).getAll(), e);
    }
  }

  void go(String hash) {
    driver.get(base + "/" + hash);
  }

  void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  String text(String testId) {
    return wait.until(d -> d.findElement(testId(testId)).getText().trim());
  }

  boolean shown(String testId) {
    return driver.findElements(testId(testId)).stream().anyMatch(WebElement::isDisplayed);
  }

  /** How many CSS pixels the page is wider than the window (0: nothing to scroll sideways). */
  long sidewaysOverflow() {
    return ((Number) driver.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
  }

  /** Console errors other than failed requests a test provokes on purpose (403, 409). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("Failed to load resource"))
        .toList();
  }

  /** A screenshot of the whole page, for a person to look at. */
  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1)));
    Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      service.stop();
      FileSystemUtils.deleteRecursively(profile);
    }
  }
}
