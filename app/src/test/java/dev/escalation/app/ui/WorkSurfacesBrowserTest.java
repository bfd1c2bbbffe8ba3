package dev.escalation.app.ui;

import static dev.escalation.app.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13 in a real browser, one role at a time: each does its work through the UI and does not
 * see (or is refused) what its role may not do. One browser for the class, the shared app context.
 */
@EmbeddedAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkSurfacesBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  private TicketApi api;
  private Browser browser;
  private boolean passed;

  @BeforeAll
  void startBrowser() throws IOException {
    browser = new Browser(port);
    api = new TicketApi(port);
  }

  @AfterAll
  void stopBrowser() throws IOException {
    browser.close();
  }

  @BeforeEach
  void reset() {
    passed = false;
    browser.size(1280, 720);
  }

  @AfterEach
  void screenshotOnFailure(TestInfo test) throws IOException {
    if (!passed) {
      browser.screenshot("failed-" + test.getTestMethod().orElseThrow().getName() + ".png");
    }
  }

  @Test
  void aTicketThatBreachedOnceShowsTheBreachPathAndWhereItWaitsNow() throws IOException {
    long id = api.open("P1", "BILLING", "map-breach@example.com");
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    api.advanceClock("PT16M");
    await().atMost(WAIT).until(() -> api.ticket(id).get("tier").asInt() == 2
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));

    JsonNode map = api.get("/api/tickets/" + id + "/process").body();
    assertThat(map.get("processId").asText()).isEqualTo("ticket-escalation");
    assertThat(map.get("bpmnXml").asText()).contains("id=\"ResponseSlaBreachedBoundaryEvent\"");
    assertThat(map.get("processDefinitionKey").isNumber()).isTrue();
    List<String> passedIds = strings(map.get("passed"));
    assertThat(passedIds).contains("TicketOpenedStartEvent", "AssignOwnerTask", "StartSlaClocksTask", "TierWorkSubProcess",
        // the response timer fired on the wait, the error left the subprocess through the breach boundary event ...
        "ResponseSlaDueBoundaryEvent", "ResponseSlaDueToResponseSlaBreachedFlow", "ResponseSlaBreachedEndEvent",
        "ResponseSlaBreachedBoundaryEvent", "ResponseSlaBreachedToRecordResponseBreachFlow", "RecordResponseBreachTask",
        // ... and the ticket went up a tier, to a new owner with fresh clocks
        "EscalateTicketTask", "NotifyCustomerOfEscalationTask");
    assertThat(passedIds).doesNotContain("ResolutionSlaBreachedBoundaryEvent", "RecordResolutionBreachTask", "ResolveTicketTask",
        "AlertHeadOfSupportTask", "AwaitFirstResponseReceiveTask");
    assertThat(strings(map.get("waiting"))).containsExactly("AwaitFirstResponseReceiveTask");

    browser.logIn("manager1");
    browser.go("#/tickets/" + id);
    browser.visible(marked("RecordResponseBreachTask", "passed"));
    browser.visible(marked("ResponseSlaBreachedBoundaryEvent", "passed"));
    browser.visible(By.cssSelector("[data-testid='process-map'] .djs-connection.passed[data-element-id='ResponseSlaBreachedToRecordResponseBreachFlow']"));
    browser.visible(marked("AwaitFirstResponseReceiveTask", "waiting"));
    assertThat(browser.driver.findElements(marked("ResolutionSlaBreachedBoundaryEvent", "passed"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("[data-testid='process-map'] .waiting"))).hasSize(1);
    // the response clock counts down live; the timeline names the breach
    browser.wait.until(ExpectedConditions.textMatches(By.cssSelector("[data-testid='response-clock'] [data-testid='countdown']"),
        java.util.regex.Pattern.compile("\\d+ min \\d\\d s left")));
    browser.visible(By.cssSelector("[data-testid='timeline-entry'][data-type='SLA_BREACHED']"));
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot("process-map-after-breach.png");
    passed = true;
  }

  @Test
  void aManagerApprovesARefundSeesAConcurrentDecisionAndAcknowledgesAPage() throws IOException {
    long refundTicket = ticketOwnedByAnAgent("P3", "BILLING", "inbox-refund@example.com");
    String agent = api.ticket(refundTicket).get("owner").get("username").asText();
    long approved = requestRefund(refundTicket, agent, "500.00", "Charged twice in March");
    // one refund in flight per ticket: the contested one is on a second ticket
    long contestedTicket = ticketOwnedByAnAgent("P3", "BILLING", "inbox-refund-2@example.com");
    long contested = requestRefund(contestedTicket, api.ticket(contestedTicket).get("owner").get("username").asText(), "600.00",
        "Charged three times in April");
    long approvedTask = awaitTask("manager1", approved);
    long contestedTask = awaitTask("manager1", contested);
    long pagedTicket = ticketOwnedByAnAgent("P1", "TECHNICAL", "inbox-page@example.com");
    TicketApi.Response escalated = api.post("/api/tickets/" + pagedTicket + "/escalations", Map.of("type", "FUNCTIONAL",
        "summary", "Checkout down", "attempted", "Restarted the widget", "need", "A technical specialist",
        "overrideReason", "Outage"));
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(202);
    long pageId = await().atMost(WAIT).until(() -> openPage(pagedTicket), p -> p != null);

    browser.logIn("manager1");
    // the navigation counts what waits, and offers no roster to a manager
    browser.wait.until(d -> Integer.parseInt(browser.text("inbox-count")) >= 3);
    assertThat(browser.shown("nav-roster")).isFalse();
    browser.driver.findElement(testId("nav-inbox")).click();
    WebElement card = browser.visible(task(approvedTask));
    assertThat(card.getText()).contains("500", "EUR", "Charged twice in March", agent, "#" + refundTicket, "Within yours");

    // approving without a comment: the field says why
    card.findElement(testId("approve")).click();
    browser.wait.until(d -> d.findElement(task(approvedTask)).findElement(By.cssSelector("[data-error-for='comment']")).isDisplayed());
    card = browser.driver.findElement(task(approvedTask));
    card.findElement(By.name("comment")).sendKeys("Confirmed the double charge");
    card.findElement(testId("approve")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("inbox-status"), "Approving the refund of 500 EUR: done."));
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(task(approvedTask)));
    await().atMost(WAIT).until(() -> !"PENDING_APPROVAL".equals(refundStatus(refundTicket, approved)));
    assertThat(refundStatus(refundTicket, approved)).isIn("APPROVED", "ISSUED");

    // another manager decides the second one while manager1 is writing: manager1's decision gets the 409, in words
    WebElement second = browser.visible(task(contestedTask));
    second.findElement(By.name("comment")).sendKeys("Looks legitimate");
    TicketApi.Response other = api.as("manager2").post("/api/tasks/" + contestedTask + "/complete",
        Map.of("decision", "REJECT", "comment", "Already refunded by the bank"));
    assertThat(other.status()).as(other.toString()).isEqualTo(200);
    browser.driver.findElement(task(contestedTask)).findElement(testId("approve")).click();
    WebElement conflict = browser.visible(By.cssSelector("[data-task-id='" + contestedTask + "'] [data-testid='task-alert']"));
    assertThat(conflict.getText()).startsWith("Approving the refund of 600 EUR:").contains("Task no longer open").contains("manager2");
    assertThat(refundStatus(contestedTicket, contested)).isEqualTo("REJECTED");

    // the page: acknowledged from the inbox, in manager1's name
    WebElement page = browser.visible(By.cssSelector("[data-testid='page'][data-page-id='" + pageId + "']"));
    page.findElement(testId("ack")).click();
    browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid='page'][data-page-id='" + pageId + "']")));
    JsonNode acked = api.get("/api/pages/" + pageId).body();
    assertThat(acked.get("state").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(acked.get("acknowledgedBy").asText()).isEqualTo("manager1");

    browser.screenshot("manager-inbox.png");
    // refused: the roster is for admins
    browser.go("#/roster");
    browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-view='missing'] h2"), "Not for your role"));
    assertThat(browser.consoleErrors()).isEmpty();
    passed = true;
  }

  @Test
  void anAgentAnswersTheCustomerAndEscalatesAndThenNoLongerActsOnTheTicket() throws IOException {
    long id = ticketOwnedByAnAgent("P3", "TECHNICAL", "agent-ui@example.com");
    String agent = api.ticket(id).get("owner").get("username").asText();
    long foreign = ticketOwnedByAnAgent("P3", "TECHNICAL", "agent-ui-other@example.com");
    String otherOwner = api.ticket(foreign).get("owner").get("username").asText();

    browser.logIn(agent);
    assertThat(browser.shown("nav-roster")).isFalse();
    browser.go("#/tickets/" + id);
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("owner-name"), "Agent"));
    // embedded mode: the demo aid to play the customer is there for the owner
    browser.visible(testId("reply-form"));
    assertThat(browser.shown("grab")).as("agents do not grab").isFalse();
    assertThat(browser.shown("reassign-form")).as("agents do not reassign").isFalse();

    // answer: ask the customer; both clocks pause and say so
    WebElement ask = browser.driver.findElement(testId("ask-form"));
    ask.findElement(By.name("question")).sendKeys("Which browser do you use?");
    ask.findElement(By.cssSelector("button[type='submit']")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("response-clock"), "Paused while waiting on the customer"));
    WebElement reply = browser.driver.findElement(testId("reply-form"));
    reply.findElement(By.name("message")).sendKeys("Firefox, latest");
    reply.findElement(By.cssSelector("button[type='submit']")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("ticket-status"), "Open"));

    // escalate with an override (fewer than two attempts, T8)
    WebElement escalate = browser.driver.findElement(testId("escalate-form"));
    escalate.findElement(By.name("summary")).sendKeys("Widget fails in Firefox");
    escalate.findElement(By.name("attempted")).sendKeys("Asked for the browser, cleared the cache");
    escalate.findElement(By.name("need")).sendKeys("A technical specialist to debug the widget");
    escalate.findElement(By.name("overrideReason")).sendKeys("Customer is blocked");
    escalate.findElement(testId("escalate-submit")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("owner-role"), "Specialist"));
    // no longer the owner: the actions go, the page says who acts
    browser.visible(testId("no-actions"));
    assertThat(browser.shown("escalate-form")).isFalse();
    assertThat(api.timelineTypes(id)).contains("WAITING_ON_CUSTOMER", "CUSTOMER_REPLIED", "RULE_OVERRIDDEN", "ESCALATED");

    // the timeline hides delivery receipts unless asked, and filters by kind
    browser.wait.until(d -> !d.findElements(By.cssSelector("[data-testid='timeline-entry']")).isEmpty());
    assertThat(browser.driver.findElements(By.cssSelector("[data-testid='timeline-entry'][data-type='NOTIFICATION_DELIVERED']"))).isEmpty();
    // the kinds grow while the process works: choose inside a wait that retries on a re-rendered list
    browser.wait.until(d -> {
      new org.openqa.selenium.support.ui.Select(d.findElement(testId("timeline-kind"))).selectByValue("ESCALATED");
      return true;
    });
    browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid='timeline-entry']")).stream()
        .allMatch(e -> "ESCALATED".equals(e.getAttribute("data-type"))));

    // someone else's ticket: read-only
    if (!otherOwner.equals(agent)) {
      browser.go("#/tickets/" + foreign);
      browser.visible(testId("no-actions"));
      assertThat(browser.shown("attempt-form")).isFalse();
    }
    browser.go("#/roster");
    browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-view='missing'] h2"), "Not for your role"));
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot("agent-after-escalation.png");
    passed = true;
  }

  @Test
  void theHeadOfSupportReadsTicketsAtPhoneWidthAndAt1280x720() throws IOException {
    long id = ticketOwnedByAnAgent("P2", "BILLING", "layout-check-with-a-rather-long-address@example.com");
    browser.logIn("head1");
    browser.size(400, 860);
    browser.go("#/tickets/" + id);
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("response-clock"), "left"));
    browser.visible(By.cssSelector("[data-testid='process-map'] .djs-element.waiting"));
    assertThat(browser.sidewaysOverflow()).as("the ticket page at 400 px").isZero();
    // times carry the zone's name, the same as mails and the timeline
    assertThat(browser.text("ticket-facts")).containsPattern("\\d\\d:\\d\\d (CET|CEST)");
    browser.screenshot("ticket-400px.png");
    browser.go("#/queue");
    browser.visible(By.cssSelector("[data-testid='queue-row'][data-ticket-id='" + id + "']"));
    assertThat(browser.sidewaysOverflow()).as("the queue at 400 px").isZero();

    browser.size(1280, 720);
    for (String view : List.of("#/tickets/" + id, "#/queue", "#/inbox", "#/")) {
      browser.go(view);
      browser.wait.until(d -> !d.findElements(By.cssSelector("main > section:not([hidden])")).isEmpty());
      assertThat(browser.sidewaysOverflow()).as(view + " at 1280x720").isZero();
    }
    browser.screenshot("tickets-1280x720.png");
    browser.go("#/roster");
    browser.wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-view='missing'] h2"), "Not for your role"));
    assertThat(browser.consoleErrors()).isEmpty();
    passed = true;
  }

  @Test
  void aSpecialistGrabsFromTheQueueByKeyboardAndIsRefusedAnotherGroupsTicket() throws IOException {
    long id = ticketOwnedByAnAgent("P3", "BILLING", "grab-ui@example.com");
    long technical = ticketOwnedByAnAgent("P3", "TECHNICAL", "grab-ui-technical@example.com");
    String previousOwner = api.ticket(id).get("owner").get("username").asText();

    browser.logIn("billing1");
    assertThat(browser.shown("nav-roster")).isFalse();
    browser.go("#/queue?group=billing");
    By row = By.cssSelector("[data-testid='queue-row'][data-ticket-id='" + id + "']");
    browser.visible(row);
    // j/k move the selection; g grabs the selected ticket
    WebElement body = browser.driver.findElement(By.tagName("body"));
    for (int i = 0; i < 200 && !selected(id); i++) {
      body.sendKeys("j");
    }
    assertThat(selected(id)).as("the keyboard reaches the ticket").isTrue();
    body.sendKeys("k");
    body.sendKeys("j");
    assertThat(selected(id)).isTrue();
    body.sendKeys("g");
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("queue-status"), "#" + id + " is yours now."));
    await().atMost(WAIT).until(() -> "billing1".equals(api.ticket(id).get("owner").get("username").asText()));
    assertThat(api.timelineTypes(id)).contains("OWNER_ASSIGNED");
    assertThat(previousOwner).isNotEqualTo("billing1");

    // Enter opens the selected ticket; the grabber now acts on it
    browser.go("#/queue");
    browser.visible(By.cssSelector("[data-testid='queue-row']"));
    body = browser.driver.findElement(By.tagName("body"));
    body.sendKeys(Keys.ENTER);
    browser.wait.until(ExpectedConditions.urlMatches("#/tickets/\\d+$"));
    browser.go("#/tickets/" + id);
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("owner-name"), "Bea Billing"));
    browser.visible(testId("escalate-form"));
    assertThat(browser.shown("reassign-form")).as("specialists do not reassign").isFalse();

    // another group's ticket: refused, in words, next to the button
    browser.go("#/tickets/" + technical);
    browser.visible(testId("grab")).click();
    WebElement alert = browser.visible(testId("action-alert"));
    assertThat(alert.getText()).startsWith("Grabbing the ticket: Not allowed.").doesNotContain("ROLE_");
    assertThat(api.ticket(technical).get("owner").get("username").asText()).isNotEqualTo("billing1");
    assertThat(browser.consoleErrors()).isEmpty();
    browser.screenshot("specialist-queue-grab.png");
    passed = true;
  }

  /** W3 in the browser: a manager moves a ticket to a named person with a reason; a missing reason is named at its field. */
  @Test
  void aManagerReassignsATicketFromItsPageWithAReason() throws IOException {
    long id = ticketOwnedByAnAgent("P3", "TECHNICAL", "reassign-ui@example.com");
    String previousOwner = api.ticket(id).get("owner").get("username").asText();
    String newOwner = "agent1".equals(previousOwner) ? "agent2" : "agent1";

    browser.logIn("manager1");
    browser.go("#/tickets/" + id);
    WebElement form = browser.visible(testId("reassign-form"));
    browser.wait.until(d -> !form.findElements(By.cssSelector("select[name='username'] option[value='" + newOwner + "']")).isEmpty());
    new org.openqa.selenium.support.ui.Select(form.findElement(By.name("username"))).selectByValue(newOwner);
    form.findElement(By.cssSelector("button[type='submit']")).click();
    browser.wait.until(ExpectedConditions.attributeToBe(form.findElement(By.name("reason")), "aria-invalid", "true"));
    assertThat(api.ticket(id).get("owner").get("username").asText()).isEqualTo(previousOwner);

    form.findElement(By.name("reason")).sendKeys("Sam knows this customer's setup");
    form.findElement(By.cssSelector("button[type='submit']")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("action-status"), "Reassigned to " + newOwner + "."));
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("[data-testid='timeline-entry'][data-type='TICKET_REASSIGNED']")));
    await().atMost(WAIT).until(() -> newOwner.equals(api.ticket(id).get("owner").get("username").asText()));
    assertThat(api.timeline(id)).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("TICKET_REASSIGNED");
      assertThat(e.get("actor").asText()).isEqualTo("manager1");
      assertThat(e.get("detail").asText()).contains("Sam knows this customer's setup");
    });
    assertThat(browser.consoleErrors()).isEmpty();
    passed = true;
  }

  @Test
  void anAdminAddsARosterMemberAndALoginAndTheMemberReceivesTheNextTicket() throws IOException {
    // both demo agents hold at least one open ticket, so a new agent with none is the least loaded
    ticketOwnedByAnAgent("P4", "OTHER", "roster-ui-1@example.com");
    ticketOwnedByAnAgent("P4", "OTHER", "roster-ui-2@example.com");

    browser.logIn("admin");
    assertThat(browser.shown("nav-open-ticket")).as("admins open no tickets").isFalse();
    browser.driver.findElement(testId("nav-roster")).click();
    WebElement form = browser.visible(testId("member-form"));
    type(form, "username", "agent9");
    type(form, "displayName", "Nia Newcomer");
    type(form, "email", "not-an-email");
    new org.openqa.selenium.support.ui.Select(form.findElement(By.name("role"))).selectByValue("AGENT");
    type(form, "tier", "1");
    form.findElement(testId("member-submit")).click();
    browser.wait.until(d -> d.findElement(By.cssSelector("[data-testid='member-form'] [data-error-for='email']")).isDisplayed());
    type(form, "email", "agent9@support.local");
    form.findElement(testId("member-submit")).click();
    browser.visible(By.cssSelector("[data-testid='member-row'][data-username='agent9']"));
    assertThat(browser.text("roster-status")).contains("Nia Newcomer saved.");

    WebElement login = browser.driver.findElement(testId("login-form"));
    type(login, "username", "agent9");
    type(login, "password", "a-long-enough-passphrase-9");
    new org.openqa.selenium.support.ui.Select(login.findElement(By.name("role"))).selectByValue("AGENT");
    login.findElement(testId("login-submit")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("logins"), "agent9 (Agent)"));

    try {
      long id = ticketOwnedByAnAgent("P3", "OTHER", "roster-ui-3@example.com");
      assertThat(api.ticket(id).get("owner").get("username").asText()).isEqualTo("agent9");
      browser.go("#/tickets/" + id);
      browser.visible(testId("no-actions"));
      assertThat(browser.shown("attempt-form")).as("admins act on no ticket").isFalse();

      // editing: agent9 stops taking new tickets (the app context, and its roster, is shared with other tests)
      browser.go("#/roster");
      browser.visible(By.cssSelector("[data-testid='member-row'][data-username='agent9'] [data-testid='edit-member']")).click();
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("member-form-heading"), "Edit Nia Newcomer"));
      WebElement available = browser.driver.findElement(By.cssSelector("[data-testid='member-form'] [name='available']"));
      assertThat(available.isSelected()).isTrue();
      available.click();
      browser.driver.findElement(testId("member-submit")).click();
      browser.wait.until(d -> d.findElements(By.cssSelector("[data-testid='member-row'][data-username='agent9'] td")).get(4).getText()
          .equals("no"));
      await().atMost(WAIT).until(() -> !member("agent9").get("available").asBoolean());
      browser.screenshot("admin-roster.png");

      // the new member logs in with the new login and works the ticket it received
      browser.logIn("agent9", "a-long-enough-passphrase-9");
      browser.go("#/tickets/" + id);
      browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("owner-name"), "Nia Newcomer"));
      browser.visible(testId("attempt-form"));
      assertThat(browser.consoleErrors()).isEmpty();
      passed = true;
    } finally {
      JsonNode agent9 = member("agent9");
      if (agent9 != null && agent9.get("available").asBoolean()) {
        api.as("admin").send("PUT", "/api/roster/agent9", Map.of("displayName", "Nia Newcomer", "email", "agent9@support.local",
            "role", "AGENT", "tier", 1, "available", false, "onDuty", false));
      }
    }
  }

  private JsonNode member(String username) {
    return StreamSupport.stream(api.get("/api/roster").body().spliterator(), false)
        .filter(m -> username.equals(m.get("username").asText())).findFirst().orElse(null);
  }

  private boolean selected(long id) {
    return browser.driver.findElements(By.cssSelector("[data-testid='queue-row'].selected")).stream()
        .anyMatch(r -> String.valueOf(id).equals(r.getAttribute("data-ticket-id")));
  }

  private static void type(WebElement form, String name, String value) {
    WebElement input = form.findElement(By.name(name));
    input.clear();
    input.sendKeys(value);
  }

  private static By marked(String elementId, String marker) {
    return By.cssSelector("[data-testid='process-map'] .djs-element." + marker + "[data-element-id='" + elementId + "']");
  }

  private static By task(long taskId) {
    return By.cssSelector("[data-task-id='" + taskId + "']");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private long ticketOwnedByAnAgent(String priority, String category, String email) {
    long id = api.open(priority, category, email);
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    return id;
  }

  private long requestRefund(long ticketId, String as, String amount, String reason) {
    TicketApi.Response created = api.as(as).post("/api/tickets/" + ticketId + "/refund-requests",
        Map.of("amount", new BigDecimal(amount), "currency", "EUR", "reason", reason, "paymentIntent", "pi_ui_test"));
    assertThat(created.status()).as(created.toString()).isEqualTo(202);
    return created.body().get("id").asLong();
  }

  private long awaitTask(String user, long refundId) {
    return await().atMost(WAIT).until(() -> StreamSupport.stream(api.as(user).get("/api/tasks").body().spliterator(), false)
        .filter(t -> t.hasNonNull("refund") && t.get("refund").get("id").asLong() == refundId)
        .map(t -> t.get("id").asLong()).findFirst().orElse(null), t -> t != null);
  }

  private String refundStatus(long ticketId, long refundId) {
    return StreamSupport.stream(api.get("/api/tickets/" + ticketId + "/refund-requests").body().spliterator(), false)
        .filter(r -> r.get("id").asLong() == refundId).findFirst().orElseThrow().get("status").asText();
  }

  private Long openPage(long ticketId) {
    return StreamSupport.stream(api.get("/api/pages?ticketId=" + ticketId).body().spliterator(), false)
        .filter(p -> "TRIGGERED".equals(p.get("state").asText())).map(p -> p.get("id").asLong()).findFirst().orElse(null);
  }
}
