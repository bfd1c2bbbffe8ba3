package dev.escalation.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** W4: a real SSE client on {@code GET /api/events}: what it gets, how soon, and who gets nothing. */
@EmbeddedAppTest
class EventStreamTest {
  @LocalServerPort int port;
  private TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void anOwnerActionReachesAConnectedClientWithinASecond() {
    long id = api.as("agent1").open("P3", "BILLING", "events-w4@example.com");
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    String owner = api.ticket(id).get("owner").get("username").asText();

    try (SseClient stream = new SseClient(url(), TicketApi.basic("manager2", TicketApi.DEMO_PASSWORD))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> stream.comments().contains("connected"));
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");

      TicketApi.Response attempt = api.as(owner).post("/api/tickets/" + id + "/attempts", Map.of("note", "Checked the invoice"));
      Instant committed = Instant.now(); // the 202 comes after the commit
      assertThat(attempt.status()).isEqualTo(202);

      await().atMost(Duration.ofSeconds(5)).until(() -> received(stream, id, "ATTEMPT_RECORDED") != null);
      SseClient.Received event = received(stream, id, "ATTEMPT_RECORDED");
      assertThat(event.name()).isEqualTo("ticket");
      assertThat(event.data().get("actor").asText()).isEqualTo(owner);
      assertThat(Long.parseLong(event.id())).isEqualTo(event.data().get("id").asLong());
      assertThat(Duration.between(committed, event.at())).as("delay from the change to the event").isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void aCallerWhoMayNoLongerSeeTicketsGetsNoMoreOfTheirEvents() {
    TicketApi admin = api.as("admin");
    TicketApi.Response created = admin.post("/api/admin/tokens", Map.of("name", "events-w4-" + System.nanoTime(), "role", "MANAGER"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String token = created.body().get("token").asText();
    long tokenId = created.body().get("id").asLong();
    long id = api.as("agent1").open("P4", "BILLING", "events-revoked@example.com");
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));

    try (SseClient revoked = new SseClient(url(), "Bearer " + token);
        SseClient watching = new SseClient(url(), TicketApi.basic("admin", TicketApi.DEMO_PASSWORD))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> revoked.comments().contains("connected") && watching.comments().contains("connected"));
      assertThat(admin.send("DELETE", "/api/admin/tokens/" + tokenId, null).status()).isEqualTo(204);

      assertThat(api.post("/api/tickets/" + id + "/attempts", Map.of("note", "Seen by the head of support")).status()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(5)).until(() -> received(watching, id, "ATTEMPT_RECORDED") != null);
      await().atMost(Duration.ofSeconds(5)).until(revoked::ended);
      assertThat(received(revoked, id, "ATTEMPT_RECORDED")).isNull();
    }
  }

  @Test
  void nobodyWithoutALoginGetsAStreamAndAnIdleStreamGetsHeartbeats() {
    try (SseClient anonymous = new SseClient(url(), "Basic " + java.util.Base64.getEncoder().encodeToString("agent1:wrong".getBytes()))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> anonymous.status() != 0);
      assertThat(anonymous.status()).isEqualTo(401);
    }
    try (SseClient idle = new SseClient(url(), TicketApi.basic("tech1", TicketApi.DEMO_PASSWORD))) {
      await().atMost(Duration.ofSeconds(15)).until(() -> idle.comments().contains("heartbeat"));
    }
  }

  private String url() {
    return "http://localhost:" + port + "/api/events";
  }

  private static SseClient.Received received(SseClient stream, long ticketId, String type) {
    List<SseClient.Received> matching = stream.events().stream()
        .filter(e -> e.data().get("ticketId").asLong() == ticketId && type.equals(e.data().get("type").asText())).toList();
    return matching.isEmpty() ? null : matching.get(0);
  }
}
