package dev.escalation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.e2e.EmbeddedAppTest;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** S2: the calendars page in headless Chromium: an admin sees the seeded calendars, gets a bad zone named, and creates one. */
@EmbeddedAppTest
class CalendarsPageBrowserTest {
  @LocalServerPort int port;
  private Browser browser;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = new Browser(port);
    browser.size(1400, 1000);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anAdminSeesTheCalendarsAndCreatesOne() {
    browser.logIn("admin");
    browser.driver.get("http://localhost:" + port + "/calendars.html");
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-calendar='business-hours']")));
    assertThat(browser.driver.findElement(By.cssSelector("tr[data-calendar='business-hours']")).getText())
        .contains("WEEKLY", "Europe/Berlin", "09:00–17:00");
    assertThat(browser.driver.findElements(By.cssSelector("tr[data-calendar='24x7']"))).hasSize(1);

    String name = "apac-" + UUID.randomUUID().toString().substring(0, 8);
    WebElement form = browser.visible(Browser.testId("calendar-form"));
    form.findElement(By.id("cal-name")).sendKeys(name);
    form.findElement(By.id("cal-zone")).sendKeys("Asia/Nowhere");
    form.findElement(By.id("cal-days")).sendKeys("MONDAY,TUESDAY");
    form.findElement(By.id("cal-opens")).sendKeys("09:00");
    form.findElement(By.id("cal-closes")).sendKeys("17:00");
    browser.driver.findElement(Browser.testId("calendar-save")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(Browser.testId("calendar-errors"),
        "zone: must be a time zone id such as Europe/Berlin"));

    WebElement zone = form.findElement(By.id("cal-zone"));
    zone.clear();
    zone.sendKeys("Asia/Tokyo");
    browser.driver.findElement(Browser.testId("calendar-save")).click();
    browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-calendar='" + name + "']")));
    assertThat(browser.driver.findElement(By.cssSelector("tr[data-calendar='" + name + "']")).getText())
        .contains("Asia/Tokyo", "MONDAY, TUESDAY", "09:00–17:00", "by admin");
    assertThat(browser.text("calendar-errors")).isEqualTo("Saved.");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
