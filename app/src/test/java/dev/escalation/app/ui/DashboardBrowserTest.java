package dev.escalation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.escalation.app.ui.Browser.testId;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' dashboard and the what-if page (M1-M4, M6, M9) in a real headless chromium against the
 * real app, as a manager; an agent is refused both. What the pages show is compared with what the API
 * answers the same manager, and the console must stay free of errors (a CSP violation is one).
 */
@EmbeddedAppTest
class DashboardBrowserTest {
  @LocalServerPort int port;
  @TempDir Path files;
  private Browser browser;
  private WebDriverWait wait;

  @BeforeEach
  void startBrowser() throws IOException {
    browser = new Browser(port);
    browser.size(1400, 1000);
    wait = browser.wait;
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aManagerSeesTheFiguresTheApiGivesWithChartsAndTheBannerWhenAboveTheThreshold() {
    TicketApi api = new TicketApi(port).as("manager1");
    browser.logIn("manager1");
    browser.driver.get(url("/dashboard.html"));
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

    JsonNode metrics = api.get("/api/metrics").body();
    JsonNode rate = metrics.get("escalationRate");
    assertThat(text("escalation-rate")).endsWith("(" + rate.get("ticketsEscalated").asLong() + " of " + rate.get("ticketsOpened").asLong()
        + " tickets)");
    assertThat(browser.driver.findElement(testId("rate-banner")).isDisplayed()).isEqualTo(rate.get("alert").asBoolean());
    if (rate.get("alert").asBoolean()) {
      assertThat(text("rate-banner")).contains("above the 30.0% threshold (M1)");
    }
    JsonNode satisfaction = metrics.get("satisfaction").get("overall");
    assertThat(text("satisfaction")).isEqualTo(satisfaction.get("answered").asLong() == 0
        ? "no survey answers yet"
        : String.format(Locale.ROOT, "%.2f of 5 from %d of %d surveys (%d rated 2 or less)",
            satisfaction.get("averageRating").asDouble(), satisfaction.get("answered").asLong(),
            satisfaction.get("surveysSent").asLong(), satisfaction.get("lowRatings").asLong()));
    JsonNode causes = api.get("/api/reports/escalations").body().get("byCause");
    List<WebElement> causeRows = browser.driver.findElements(By.cssSelector("[data-testid='causes'] tbody tr"));
    if (causes.isEmpty()) {
      assertThat(causeRows).singleElement().extracting(WebElement::getText).isEqualTo("none");
    } else {
      assertThat(causeRows).hasSize(causes.size());
      assertThat(causeRows.get(0).getText()).isEqualTo(causes.get(0).get("name").asText() + " " + causes.get(0).get("count").asLong());
    }
    for (String chart : List.of("weekly-chart", "tier-chart", "sla-chart", "cause-chart")) {
      assertThat(browser.driver.findElements(By.cssSelector("[data-testid='" + chart + "'] canvas"))).as(chart).isNotEmpty();
    }
    assertThat(browser.driver.findElement(testId("dashboard-error")).isDisplayed()).isFalse();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aManagerReplaysACandidateTableAndSeesWhatWouldChange() throws IOException {
    TicketApi agent = new TicketApi(port).as("agent1");
    long ticket = agent.open(TicketApi.ticketRequest("P3", "BILLING", "whatif-ui@example.com"));
    await().atMost(Duration.ofSeconds(60)).until(() -> agent.ticket(ticket).hasNonNull("criteria"));
    Path candidate = files.resolve("candidate.dmn");
    Files.writeString(candidate, deployedTable().replace("<outputEntry id=\"DefaultStartingTierEntry\">\n          <text>1</text>",
        "<outputEntry id=\"DefaultStartingTierEntry\">\n          <text>2</text>"));

    browser.logIn("manager1");
    browser.driver.get(url("/what-if.html"));
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("what-if-form")));
    form.findElement(By.name("table")).sendKeys(candidate.toString());
    form.findElement(By.name("from")).sendKeys("2000-01-01T00:00:00Z");
    form.findElement(By.name("to")).sendKeys("2100-01-01T00:00:00Z");
    form.findElement(testId("what-if-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("what-if-result")));

    WebElement row = browser.driver.findElement(By.cssSelector("[data-testid='what-if-tickets'] tr[data-ticket='" + ticket + "']"));
    List<WebElement> cells = row.findElements(By.tagName("td"));
    assertThat(cells.get(0).getText()).isEqualTo("#" + ticket);
    assertThat(cells.get(2).getText()).isEqualTo("default: P3, tier 1 of 3");
    assertThat(cells.get(3).getText()).isEqualTo("default: P3, tier 2 of 3");
    assertThat(row.getAttribute("class")).contains("changed");
    assertThat(text("what-if-summary")).matches("\\d+ evaluations replayed, \\d+ would change");
    assertThat(Integer.parseInt(text("total-startHigher"))).isPositive();
    assertThat(text("total-startLower")).isEqualTo("0");

    Path notDmn = files.resolve("not.dmn");
    Files.writeString(notDmn, "not a table");
    form.findElement(By.name("table")).sendKeys(notDmn.toString());
    form.findElement(testId("what-if-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId("what-if-error")));
    assertThat(text("what-if-error")).startsWith("table: is not a usable criteria table: Failed to parse DMN");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void anAgentIsRefusedBothPages() {
    TicketApi agent = new TicketApi(port).as("agent1");
    for (String page : List.of("/dashboard.html", "/dashboard.js", "/what-if.html", "/what-if.js")) {
      assertThat(agent.get(page).status()).as(page).isEqualTo(403);
      assertThat(new TicketApi(port).as("manager1").get(page).status()).as(page).isEqualTo(200);
    }
    browser.logIn("agent1");
    browser.driver.get(url("/dashboard.html"));
    assertThat(browser.driver.findElements(testId("escalation-rate"))).isEmpty();
    assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("403");
  }

  private static String deployedTable() throws IOException {
    try (InputStream dmn = DashboardBrowserTest.class.getClassLoader().getResourceAsStream("processes/escalation-criteria.dmn")) {
      return new String(dmn.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private String text(String id) {
    return browser.driver.findElement(testId(id)).getText();
  }
}
