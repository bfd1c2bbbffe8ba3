package dev.escalation.app.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.escalation.app.e2e.EmbeddedAppTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** S2: the calendars page in headless Chromium: an admin sees the seeded calendars, gets a bad zone named, and creates one. */
@EmbeddedAppTest
class CalendarsPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @LocalServerPort int port;
  private ChromeDriverService service;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path profile;

  @BeforeEach
  void startBrowser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail("the browser test needs Debian's chromium and chromium-driver at /usr/bin (bin/test installs them)");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("calendars-chromium");
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (profile != null) {
      FileSystemUtils.deleteRecursively(profile);
    }
  }

  @Test
  void anAdminSeesTheCalendarsAndCreatesOne() {
    browser.get("http://localhost:" + port + "/calendars.html");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
    browser.get("http://localhost:" + port + "/calendars.html");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-calendar='business-hours']")));
    assertThat(browser.findElement(By.cssSelector("tr[data-calendar='business-hours']")).getText())
        .contains("WEEKLY", "Europe/Berlin", "09:00–17:00");
    assertThat(browser.findElements(By.cssSelector("tr[data-calendar='24x7']"))).hasSize(1);

    String name = "apac-" + UUID.randomUUID().toString().substring(0, 8);
    WebElement form = browser.findElement(By.cssSelector("[data-testid='calendar-form']"));
    form.findElement(By.id("cal-name")).sendKeys(name);
    form.findElement(By.id("cal-zone")).sendKeys("Asia/Nowhere");
    form.findElement(By.id("cal-days")).sendKeys("MONDAY,TUESDAY");
    form.findElement(By.id("cal-opens")).sendKeys("09:00");
    form.findElement(By.id("cal-closes")).sendKeys("17:00");
    browser.findElement(By.cssSelector("[data-testid='calendar-save']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='calendar-errors']"),
        "zone: must be a time zone id such as Europe/Berlin"));

    WebElement zone = form.findElement(By.id("cal-zone"));
    zone.clear();
    zone.sendKeys("Asia/Tokyo");
    browser.findElement(By.cssSelector("[data-testid='calendar-save']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-calendar='" + name + "']")));
    assertThat(browser.findElement(By.cssSelector("tr[data-calendar='" + name + "']")).getText())
        .contains("Asia/Tokyo", "MONDAY, TUESDAY", "09:00–17:00", "by admin");
    assertThat(browser.findElement(By.cssSelector("[data-testid='calendar-errors']")).getText()).isEqualTo("Saved.");
  }
}
