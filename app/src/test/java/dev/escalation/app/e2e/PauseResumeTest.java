package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@EmbeddedAppTest
class PauseResumeTest {
  @LocalServerPort int port;
  TicketApi api;

  @BeforeEach
  void client() {
    api = new TicketApi(port);
  }

  @Test
  void waitingOnTheCustomerStopsBothClocksAndTheReplyResumesWithTheTimeLeft() {
    long id = api.open("P1", "TECHNICAL", "pause@example.com");
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    JsonNode opened = api.ticket(id);
    Instant responseDue = Instant.parse(opened.get("responseDueAt").asText());
    Instant resolutionDue = Instant.parse(opened.get("resolutionDueAt").asText());

    api.advanceClock("PT5M");
    var asked = api.post("/api/tickets/" + id + "/waiting-on-customer", Map.of("question", "Which browser do you use?"));
    assertThat(asked.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "PAUSED".equals(api.ticket(id).get("responseClock").asText()));
    Instant pausedAt = Instant.parse(api.get("/api/tickets/" + id + "/timeline").body()
        .findValues("at").get(api.timelineTypes(id).indexOf("WAITING_ON_CUSTOMER")).asText());
    Duration responseLeft = Duration.between(pausedAt, responseDue);
    Duration resolutionLeft = Duration.between(pausedAt, resolutionDue);
    assertThat(api.ticket(id).get("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
    assertThat(api.notifications(id, "WAITING")).singleElement()
        .satisfies(n -> assertThat(n.get("body").asText()).contains("Which browser do you use?"));

    assertThat(api.ticket(id).get("openTooLong").asBoolean()).isFalse();
    api.advanceClock("PT5H"); // both original deadlines pass while paused
    assertThat(api.ticket(id).get("tier").asInt()).isEqualTo(1);
    assertThat(api.ticket(id).get("openTooLong").asBoolean()).as("a P1 unresolved for over 4 h is flagged (T2)").isTrue();
    assertThat(api.timelineTypes(id)).doesNotContain("SLA_BREACHED");
    assertThat(api.post("/api/tickets/" + id + "/resolution", Map.of("summary", "x")).status()).isEqualTo(409);

    api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", "Firefox 128 on Windows"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    JsonNode resumed = api.ticket(id);
    var timeline = api.get("/api/tickets/" + id + "/timeline").body();
    Instant resumedAt = Instant.parse(timeline.get(api.timelineTypes(id).indexOf("SLA_CLOCKS_RESUMED")).get("at").asText());
    assertThat(resumed.get("status").asText()).isEqualTo("OPEN");
    assertThat(Instant.parse(resumed.get("responseDueAt").asText()))
        .isCloseTo(resumedAt.plus(responseLeft), within(2, ChronoUnit.SECONDS));
    assertThat(Instant.parse(resumed.get("resolutionDueAt").asText()))
        .isCloseTo(resumedAt.plus(resolutionLeft), within(2, ChronoUnit.SECONDS));
    assertThat(responseLeft).isBetween(Duration.ofMinutes(9).plusSeconds(50), Duration.ofMinutes(10).plusSeconds(5));

    api.advanceClock("PT9M"); // just before the resumed response deadline
    assertThat(api.ticket(id).get("tier").asInt()).isEqualTo(1);
    api.advanceClock("PT2M");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.ticket(id).get("tier").asInt() == 2);
    assertThat(api.timelineTypes(id)).containsSubsequence("WAITING_ON_CUSTOMER", "CUSTOMER_REPLIED", "SLA_CLOCKS_RESUMED", "SLA_BREACHED", "ESCALATED");
  }
}
