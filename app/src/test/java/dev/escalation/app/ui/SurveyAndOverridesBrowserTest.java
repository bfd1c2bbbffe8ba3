package dev.escalation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.escalation.app.ui.Browser.testId;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * M5's survey page, opened from the link of a real SURVEY notice without login, and M7's overrides page for a
 * manager, in headless Chromium under the app's CSP (a blocked inline script or style is a console error).
 */
@EmbeddedAppTest
class SurveyAndOverridesBrowserTest {
  private static final Pattern LINK = Pattern.compile("http://localhost:8080(/survey/\\S+)");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  private TicketApi api;
  private Browser browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = new Browser(port);
    wait = browser.wait;
    api = new TicketApi(port);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theCustomerRatesWithOneClickAndAManagerReviewsTheOverride() {
    String reason = "Browser test " + System.nanoTime();
    long id = api.open("P3", "TECHNICAL", "survey-ui@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.post("/api/tickets/" + id + "/escalations", Map.of("type", "FUNCTIONAL", "summary", "Sync stuck",
        "attempted", "Restarted the client", "need", "Server logs", "overrideReason", reason)).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.ticket(id).get("tier").asInt() == 2 && nothingInFlight(id)
        && api.clockStarts(id) == 2);
    assertThat(api.post("/api/tickets/" + id + "/resolution", Map.of("summary", "Fixed")).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.notifications(id, "SURVEY").size() == 1);
    Matcher link = LINK.matcher(api.notifications(id, "SURVEY").get(0).get("body").asText());
    assertThat(link.find()).isTrue();

    // the customer: no login, a comment, one click on 4
    browser.driver.get("http://localhost:" + port + link.group(1));
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("survey-form")));
    form.findElement(testId("survey-comment")).sendKeys("Quick once it reached the specialists");
    form.findElement(testId("rate-4")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("survey-outcome"), "Thank you! Your answer was recorded."));
    assertThat(jdbc.sql("SELECT CONCAT(rating, ' ', comment) FROM survey WHERE ticket_id = ?").param(id).query(String.class).single())
        .isEqualTo("4 Quick once it reached the specialists");
    // opened again: thanks, and the form is gone
    browser.driver.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("survey-outcome"), "we already have your answer"));
    assertThat(browser.shown("survey-form")).isFalse();
    assertThat(browser.consoleErrors()).isEmpty();

    // the manager: the override is listed, filtered by its reason, and reviewed with a note
    browser.logIn("manager1");
    browser.driver.get("http://localhost:" + port + "/overrides.html");
    WebElement filter = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("overrides-filter")));
    filter.findElement(By.name("rule")).sendKeys("T8");
    filter.findElement(By.name("text")).sendKeys(reason);
    filter.findElement(By.cssSelector("button[type='submit']")).click();
    // the table renders again when the filtered answer arrives: a row found before that goes stale, so find and fill again
    wait.until(d -> {
      List<WebElement> rows = d.findElements(By.cssSelector("[data-testid='overrides-table'] tbody tr"));
      if (rows.size() != 1 || !rows.get(0).getText().contains(reason)) {
        return false;
      }
      WebElement review = rows.get(0).findElement(testId("override-review-form"));
      WebElement note = review.findElement(By.name("note"));
      note.clear();
      note.sendKeys("Demo deadlines justify it; add a fast lane");
      review.findElement(By.cssSelector("button[type='submit']")).click();
      return true;
    });
    WebElement reviewed = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("override-reviewed")));
    assertThat(reviewed.getText()).startsWith("manager1, ").endsWith(": Demo deadlines justify it; add a fast lane");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private boolean nothingInFlight(long id) {
    return jdbc.sql("SELECT action_in_flight IS NULL FROM ticket WHERE id = ?").param(id).query(Boolean.class).single();
  }
}
