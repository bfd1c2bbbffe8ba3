package dev.escalation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The support UI in a real headless browser (Debian's chromium and chromium-driver, which
 * bin/test installs when missing), against the real app: open a ticket, work it, escalate it.
 */
@EmbeddedAppTest
class SupportUiBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");

  @LocalServerPort int port;
  private TicketApi api;
  private ChromeDriverService service;
  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path profile;
  private boolean finished;

  @BeforeEach
  void startBrowser() throws IOException {
    requireExecutable(CHROMIUM, "chromium");
    requireExecutable(CHROMEDRIVER, "chromium-driver");
    // the driver is given explicitly: Selenium Manager must not look for (or download) one
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("support-ui-chromium");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--lang=en-GB", "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
    wait.ignoring(StaleElementReferenceException.class);
    api = new TicketApi(port);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    try {
      if (browser != null && !finished) {
        screenshot("failure.png");
      }
    } finally {
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
  }

  @Test
  void anAgentOpensAP1TicketWorksItAndEscalatesItWithAnOverride() throws IOException {
    String subject = "UI: checkout charged twice " + System.nanoTime();
    logIn("head1", "demo");
    browser.get("http://localhost:" + port + "/#/new");
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("open-ticket-form")));

    // an invalid email: the API's field error shows next to the email input, and nothing is opened
    type(form, "customer.name", "Dana Customer");
    type(form, "customer.email", "not-an-email");
    type(form, "customer.annualRevenue", "120000");
    form.findElement(By.name("customer.vip")).click();
    new Select(form.findElement(By.name("channel"))).selectByValue("email");
    new Select(form.findElement(By.name("priority"))).selectByValue("P1");
    new Select(form.findElement(By.name("category"))).selectByValue("BILLING");
    type(form, "subject", subject);
    // no product-bug wording: a bug would send the functional escalation to the technical group (criteria row
    // product-bug-to-technical), and this test follows the billing path
    type(form, "description", "Since this morning every checkout is charged twice.");
    form.findElement(testId("open-submit")).click();

    WebElement emailError = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid='open-ticket-form'] [data-error-for='customer.email']")));
    assertThat(emailError.getText()).contains("well-formed email address");
    WebElement emailInput = form.findElement(By.name("customer.email"));
    assertThat(emailInput.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(emailInput.getAttribute("aria-describedby")).isEqualTo(emailError.getAttribute("id"));
    assertThat(emailError.findElement(By.xpath("..")).findElement(By.name("customer.email"))).isEqualTo(emailInput);
    assertThat(form.findElements(By.cssSelector("[aria-invalid='true']"))).hasSize(1);
    assertThat(ticketSubjects()).doesNotContain(subject);
    screenshot("open-ticket-invalid.png");

    // a valid P1 billing ticket
    type(form, "customer.email", "ui-agent@example.com");
    form.findElement(testId("open-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("open-status"), "opened"));
    assertThat(emailError.isDisplayed()).isFalse();
    String link = browser.findElement(By.cssSelector("[data-testid='open-status'] a")).getAttribute("href");
    long id = Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
    assertThat(ticketIdOf(subject)).isEqualTo(id);

    // it is in the list, marked P1; its detail opens by hash route
    By row = By.cssSelector("tr[data-testid='ticket-row'][data-ticket-id='" + id + "']");
    wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    // the list re-renders every few seconds: read the row inside a wait that retries on a stale element
    wait.until(d -> d.findElement(row).getAttribute("class").contains("p1")
        && d.findElement(row).getText().contains(subject) && d.findElement(row).getText().contains("P1"));
    wait.until(d -> {
      d.findElement(testId("ticket-link-" + id)).click();
      return true;
    });
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/#/tickets/" + id));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("detail-heading"), "Ticket #" + id + ": " + subject));

    // a tier 1 agent owns it
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("owner-role"), "Agent"));
    assertThat(text("owner-tier")).isEqualTo("1");
    assertThat(text("ticket-tier")).startsWith("1 of");
    assertThat(text("owner-name")).isIn("Alex Agent", "Sam Agent");
    // the clocks start one process step after the owner is assigned; the detail refreshes on its own
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("response-clock"), "Running"));
    // S5: the SLA policy row that started the clocks, its promise and the policy version
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("sla-policy-rule"), "p1-around-the-clock"));
    assertThat(text("sla-policy")).contains("response PT15M · resolution PT4H · 24x7").contains("plan default · policy version");

    // answer the customer: it goes out on the ticket's channel and meets the response clock
    WebElement answer = browser.findElement(testId("answer-form"));
    type(answer, "text", "We are looking at the payment provider now.");
    answer.findElement(testId("answer-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("action-status"), "Answer sent to the customer"));
    waitForTimeline("REPLIED_TO_CUSTOMER");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("response-clock"), "Met"));
    assertThat(api.notifications(id, "REPLY")).singleElement()
        .satisfies(n -> assertThat(n.get("body").asText()).contains("We are looking at the payment provider now."));

    // record an attempt
    WebElement attempt = browser.findElement(testId("attempt-form"));
    type(attempt, "note", "Retried the payment provider");
    attempt.findElement(testId("attempt-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("action-status"), "Attempt recorded"));
    waitForTimeline("ATTEMPT_RECORDED");

    // escalating after one attempt and without an override breaks rule T8
    WebElement escalate = browser.findElement(testId("escalate-form"));
    new Select(escalate.findElement(By.name("type"))).selectByValue("FUNCTIONAL");
    type(escalate, "summary", "Payment provider rejects every card");
    type(escalate, "attempted", "Retried the payment provider, checked the logs");
    type(escalate, "need", "A billing specialist to check the provider contract");
    escalate.findElement(testId("escalate-submit")).click();
    WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("action-alert")));
    assertThat(alert.getAttribute("role")).isEqualTo("alert");
    wait.until(ExpectedConditions.textToBePresentInElement(alert, "needs 2 recorded resolution attempts, 1 recorded"));
    assertThat(alert.getText()).contains("T8");
    assertThat(api.timelineTypes(id)).doesNotContain("ESCALATED", "RULE_OVERRIDDEN");

    // with an override reason it goes to the billing specialist at tier 2
    type(escalate, "overrideReason", "Revenue-critical outage");
    escalate.findElement(testId("escalate-submit")).click();
    wait.until(ExpectedConditions.invisibilityOf(alert));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("owner-name"), "Bea Billing"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("ticket-tier"), "2 of"));
    assertThat(text("owner-tier")).isEqualTo("2");
    assertThat(text("owner-role")).isEqualTo("Specialist");
    waitForTimeline("RULE_OVERRIDDEN");
    waitForTimeline("ESCALATED");
    assertThat(timelineTypes()).containsSubsequence("TICKET_OPENED", "OWNER_ASSIGNED", "ATTEMPT_RECORDED",
        "RULE_OVERRIDDEN", "ESCALATED", "OWNER_ASSIGNED");
    wait.until(d -> d.findElements(By.cssSelector("[data-testid='handoff-note']")).size() == 1);
    assertThat(text("handoff-notes")).contains("Revenue-critical outage").contains("A billing specialist");
    wait.until(d -> !d.findElements(By.cssSelector("[data-testid='notification'][data-kind='ACKNOWLEDGEMENT']")).isEmpty());
    assertThat(text("ticket-escalations")).startsWith("1");
    // a P1 escalation pages the on-duty manager
    wait.until(d -> !d.findElements(By.cssSelector("[data-testid='notification'][data-kind='PAGE']")).isEmpty());
    waitForTimeline("MANAGER_PAGED");

    // S4: the head of support lowers the priority; the policy is evaluated again for P2
    WebElement priority = browser.findElement(testId("priority-form"));
    new Select(priority.findElement(By.name("priority"))).selectByValue("P2");
    type(priority, "reason", "Only one customer affected after all");
    priority.findElement(testId("priority-submit")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("action-status"), "Priority changed"));
    waitForTimeline("PRIORITY_CHANGED");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("sla-policy-rule"), "p2-business-hours"));
    assertThat(text("ticket-priority")).isEqualTo("P2");

    assertThat(browserErrors()).as("errors in the browser console").isEmpty();
    screenshot("ticket-detail.png");
    finished = true;
  }

  @Test
  void theUiNeedsALoginAndAWrongPasswordIsRefused() {
    browser.get("http://localhost:" + port + "/#/new");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys("agent1");
    browser.findElement(By.id("password")).sendKeys("wrong");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.urlContains("/login?error"));
    assertThat(browser.getPageSource()).contains("Invalid credentials");
    finished = true;
  }

  /** Through the login form, as a person does: every page without a session leads there. */
  private void logIn(String username, String password) {
    browser.get("http://localhost:" + port + "/");
    wait.until(ExpectedConditions.urlContains("/login"));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.urlToBe("http://localhost:" + port + "/"));
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("current-user"), username + " (Head of support)"));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("not logged in; browser console: " + browser.manage().logs().get(LogType.BROWSER).getAll(), e);
    }
  }

  private static void requireExecutable(Path path, String debianPackage) {
    if (!Files.isExecutable(path)) {
      fail(path + " is missing (Debian package " + debianPackage + "): the UI browser test needs Debian's chromium and"
          + " chromium-driver. Install them with `apt-get install -y chromium chromium-driver` (bin/test, the README's test command, does this).");
    }
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  /** The element's text; views re-render while they refresh, so a stale read is simply retried. */
  private String text(String id) {
    return wait.until(d -> d.findElement(testId(id)).getText().trim());
  }

  private static void type(WebElement form, String name, String value) {
    WebElement input = form.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }

  private List<String> timelineTypes() {
    return wait.until(d -> d.findElements(By.cssSelector("[data-testid='timeline-entry']")).stream()
        .map(e -> e.getAttribute("data-type")).toList());
  }

  private void waitForTimeline(String type) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid='timeline-entry'][data-type='" + type + "']")));
  }

  private List<String> ticketSubjects() {
    return StreamSupport.stream(api.get("/api/tickets").body().spliterator(), false)
        .map(t -> t.get("subject").asText()).toList();
  }

  private long ticketIdOf(String subject) {
    return StreamSupport.stream(api.get("/api/tickets").body().spliterator(), false)
        .filter(t -> t.get("subject").asText().equals(subject))
        .mapToLong(t -> t.get("id").asLong()).findFirst().orElseThrow();
  }

  /** Console errors other than the failed requests the test provokes on purpose (400, 422). */
  private List<String> browserErrors() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("Failed to load resource"))
        .toList();
  }

  /** A screenshot of the whole page (beyond the window), for a person to look at. */
  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
    Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png",
        "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1)));
    Files.write(SCREENSHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
  }
}
