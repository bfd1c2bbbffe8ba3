package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** N1: the owner answers the customer on the ticket's channel, in the customer's language, without pausing the ticket. */
@EmbeddedAppTest
class ReplyTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void aReplyGoesToTheCustomerOnceMeetsTheResponseClockAndTheOwnerWorksOn() {
    long id = api.open("P2", "TECHNICAL", "reply-en@example.com");
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    JsonNode owner = api.ticket(id).get("owner");
    TicketApi asOwner = api.as(owner.get("username").asText());

    TicketApi.Response accepted = asOwner.post("/api/tickets/" + id + "/replies", Map.of("text", "Please try signing out and in again."));
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.body().get("responseClock").asText()).isEqualTo("MET");
    assertThat(accepted.body().get("status").asText()).isEqualTo("OPEN");

    await().atMost(WAIT).until(() -> api.notifications(id, "REPLY").size() == 1
        && "AwaitOwnerActionReceiveTask".equals(waitingAt(id)));
    JsonNode notice = api.notifications(id, "REPLY").get(0);
    assertThat(notice.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(notice.get("recipient").asText()).isEqualTo("reply-en@example.com");
    assertThat(notice.get("subject").asText()).isEqualTo("Re: your request #" + id + " (Invoice charged twice)");
    assertThat(notice.get("body").asText()).isEqualTo("Hello Dana Customer,\n\nPlease try signing out and in again.\n\n"
        + owner.get("displayName").asText() + "\nSupport team, request #" + id);
    List<JsonNode> toCustomer = api.messages(id, "TO_CUSTOMER");
    assertThat(toCustomer).singleElement().satisfies(m -> {
      assertThat(m.get("author").asText()).isEqualTo(owner.get("username").asText());
      assertThat(m.get("body").asText()).isEqualTo("Please try signing out and in again.");
    });
    assertThat(api.timeline(id)).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("REPLIED_TO_CUSTOMER");
      assertThat(e.get("actor").asText()).isEqualTo(owner.get("username").asText());
      assertThat(e.get("detail").asText()).isEqualTo("Reply to the customer: Please try signing out and in again.");
    });

    // a second answer is a second notice; the ticket is still worked and can be resolved
    assertThat(asOwner.post("/api/tickets/" + id + "/replies", Map.of("text", "Did that help?")).status()).isEqualTo(202);
    await().atMost(WAIT).until(() -> api.notifications(id, "REPLY").size() == 2);
    assertThat(asOwner.post("/api/tickets/" + id + "/resolution", Map.of("summary", "Signing in again fixed it")).status()).isEqualTo(202);
    await().atMost(WAIT).until(() -> api.notifications(id, "RESOLUTION").size() == 1);
    TicketApi.Response late = asOwner.post("/api/tickets/" + id + "/replies", Map.of("text", "One more thing"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.body().get("detail").asText()).contains("while it is RESOLVED");
    assertThat(api.notifications(id, "REPLY")).hasSize(2);
  }

  @Test
  void aGermanCustomerGetsTheReplyFramedInGerman() {
    Map<String, Object> request = new HashMap<>(TicketApi.ticketRequest("P3", "TECHNICAL", "reply-de@example.com"));
    request.put("customer", Map.of("name", "Jonas Kunde", "email", "reply-de@example.com", "language", "de", "vip", false,
        "annualRevenue", 50000));
    long id = api.open(request);
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.post("/api/tickets/" + id + "/replies", Map.of("text", "Bitte melden Sie sich neu an.")).status()).isEqualTo(202);
    await().atMost(WAIT).until(() -> api.notifications(id, "REPLY").size() == 1);
    JsonNode notice = api.notifications(id, "REPLY").get(0);
    assertThat(notice.get("subject").asText()).isEqualTo("Re: Ihre Anfrage #" + id + " (Invoice charged twice)");
    // head1 answered: the customer sees the display name, never the username
    assertThat(notice.get("body").asText()).isEqualTo("Hallo Jonas Kunde,\n\nBitte melden Sie sich neu an.\n\nHarper Head\nSupport-Team, Anfrage #" + id);
  }

  @Test
  void anEmptyReplyIsRefusedNamingTheFieldAndNothingIsSent() {
    long id = api.open("P4", "OTHER", "reply-empty@example.com");
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    TicketApi.Response refused = api.post("/api/tickets/" + id + "/replies", Map.of("text", " "));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().toString()).contains("\"text\"");
    assertThat(api.notifications(id, "REPLY")).isEmpty();
    assertThat(api.messages(id, "TO_CUSTOMER")).isEmpty();
    assertThat(api.ticket(id).get("responseClock").asText()).isEqualTo("RUNNING");
  }

  private String waitingAt(long id) {
    JsonNode waiting = api.get("/api/tickets/" + id + "/process").body().get("waiting");
    return waiting.size() == 1 ? waiting.get(0).asText() : null;
  }
}
