package dev.escalation.app.ui;

import static dev.escalation.app.ui.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.notification.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The live chat in two real browsers (issue 12, C4/H5): a customer chats on /chat, an agent answers from the
 * ticket page and escalates, and the customer sees the answer and the handover without reloading.
 */
@EmbeddedAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired InboundLedger ledger;
  private TicketApi api;
  private Browser customer;
  private Browser agent;
  private boolean passed;

  @BeforeAll
  void startBrowsers() throws IOException {
    customer = new Browser(port);
    agent = new Browser(port);
    api = new TicketApi(port);
  }

  @AfterAll
  void stopBrowsers() throws IOException {
    try {
      customer.close();
    } finally {
      agent.close();
    }
  }

  @AfterEach
  void screenshotOnFailure(TestInfo test) throws IOException {
    if (!passed) {
      String name = test.getTestMethod().orElseThrow().getName();
      customer.screenshot("failed-" + name + "-customer.png");
      agent.screenshot("failed-" + name + "-agent.png");
    }
  }

  private List<WebElement> entries(String kind) {
    return customer.driver.findElements(By.cssSelector("[data-testid='chat-entry'][data-kind='" + kind + "']"));
  }

  @Test
  void aCustomerChatsTheAgentAnswersAndEscalatesAndTheCustomerSeesTheHandoverLive() throws IOException {
    // the customer starts a chat
    customer.go("chat");
    WebElement start = customer.visible(testId("chat-start"));
    start.findElement(testId("chat-name")).sendKeys("Clara Customer");
    start.findElement(testId("chat-email")).sendKeys("clara@example.test");
    start.findElement(testId("chat-first-message")).sendKeys("The export to PDF fails with an error");
    start.findElement(testId("chat-start-button")).click();
    customer.visible(testId("chat-conversation"));
    customer.wait.until(d -> entries("CUSTOMER").size() == 1);
    customer.wait.until(d -> entries("NOTICE").size() == 1); // the acknowledgement, live
    String token = (String) customer.driver.executeScript("return localStorage.getItem('escalation.chat.token');");
    long id = ledger.find(Channel.CHAT, token.split("\\.")[0] + ":#start").orElseThrow().ticketId();
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    String owner = api.ticket(id).get("owner").get("username").asText();

    // a reload keeps the conversation
    customer.go("chat");
    customer.wait.until(d -> entries("CUSTOMER").size() == 1 && entries("NOTICE").size() == 1);
    assertThat(customer.shown("chat-start")).isFalse();

    // the agent sees the chat ticket and the customer's next message on the ticket page
    agent.logIn(owner);
    agent.go("#/tickets/" + id);
    agent.visible(testId("escalate-form"));
    WebElement compose = customer.visible(testId("chat-compose"));
    compose.findElement(testId("chat-text")).sendKeys("It happens with every report");
    compose.findElement(testId("chat-send")).click();
    customer.wait.until(d -> entries("CUSTOMER").size() == 2);
    agent.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("conversation"), "It happens with every report"));

    // the agent answers from the ticket page; the customer sees the answer live, under the agent's name
    String ownerName = api.ticket(id).get("owner").get("displayName").asText();
    WebElement answer = agent.driver.findElement(testId("answer-form"));
    answer.findElement(By.name("text")).sendKeys("Which browser do you use for the export?");
    answer.findElement(testId("answer-submit")).click();
    customer.wait.until(d -> entries("AGENT").size() == 1);
    WebElement answered = entries("AGENT").get(0);
    assertThat(answered.findElement(testId("chat-entry-text")).getText()).isEqualTo("Which browser do you use for the export?");
    assertThat(answered.getText()).startsWith(ownerName + " · ");
    agent.wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("conversation"),
        "Which browser do you use for the export?"));

    // the agent escalates; the customer sees who took over, at which tier and by when, without reloading
    WebElement escalate = agent.driver.findElement(testId("escalate-form"));
    escalate.findElement(By.name("summary")).sendKeys("PDF export fails for every report");
    escalate.findElement(By.name("attempted")).sendKeys("Checked the report settings");
    escalate.findElement(By.name("need")).sendKeys("A specialist for the export service");
    escalate.findElement(By.name("overrideReason")).sendKeys("Customer is blocked");
    escalate.findElement(testId("escalate-submit")).click();
    await().atMost(WAIT).until(() -> api.ticket(id).get("tier").asInt() == 2
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    JsonNode escalated = api.ticket(id);

    WebElement card = customer.wait.withTimeout(WAIT).until(d -> entries("HANDOVER").stream().findFirst()
        .map(e -> e.findElement(testId("chat-handover"))).orElse(null));
    assertThat(card.findElement(testId("handover-owner")).getText()).isEqualTo(escalated.get("owner").get("displayName").asText());
    assertThat(card.findElement(testId("handover-tier")).getText()).isEqualTo("2");
    String due = card.findElement(testId("handover-due")).getText();
    assertThat(due).isNotBlank().isNotEqualTo("—");
    assertThat(entries("HANDOVER").get(0).findElement(testId("chat-entry-text")).getText())
        .contains(escalated.get("owner").get("displayName").asText()).contains(due);
    assertThat(customer.consoleErrors()).isEmpty();
    customer.screenshot("chat-handover.png");
    passed = true;
  }
}
