package dev.escalation.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S4 end to end: the owner raises a P3 to P1 after 20 minutes of business time; the SLA policy is evaluated
 * again, the time already spent counts against the 15-minute P1 target, so the ticket breaches at once and
 * escalates. The change is in the timeline; another agent may not change the priority.
 */
@EmbeddedAppTest
class PriorityChangeTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @LocalServerPort int port;

  @Test
  void aP3RaisedToP1AfterTwentyMinutesBreachesItsResponseTargetAtOnceAndEscalates() {
    TicketApi api = new TicketApi(port);
    ZonedDateTime now = Instant.now(EmbeddedRuntime.clock()).atZone(BERLIN);
    ZonedDateTime wednesday = now.plusDays(1).truncatedTo(ChronoUnit.DAYS);
    while (wednesday.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
      wednesday = wednesday.plusDays(1);
    }
    api.advanceClock(Duration.between(now, wednesday.withHour(10)).truncatedTo(ChronoUnit.SECONDS).toString());
    long id = api.open("P3", "BILLING", "raised-to-p1@example.com");
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    String owner = api.ticket(id).get("owner").get("username").asText();
    assertThat(api.ticket(id).get("slaPolicy").get("ruleId").asText()).isEqualTo("p3-business-hours");
    api.advanceClock("PT20M");

    var refused = api.as(owner.equals("agent2") ? "agent1" : "agent2")
        .post("/api/tickets/" + id + "/priority", Map.of("priority", "P1", "reason", "not mine"));
    assertThat(refused.status()).isEqualTo(403);
    var changed = api.as(owner).post("/api/tickets/" + id + "/priority", Map.of("priority", "P1", "reason", "the whole shop is down"));

    assertThat(changed.status()).isEqualTo(202);
    assertThat(changed.body().get("priority").asText()).isEqualTo("P1");
    await().atMost(Duration.ofSeconds(30)).until(() -> api.ticket(id).get("tier").asInt() == 2
        && api.ticket(id).get("owner").get("tier").asInt() >= 2);
    assertThat(api.timeline(id)).anySatisfy(entry -> {
      assertThat(entry.get("type").asText()).isEqualTo("PRIORITY_CHANGED");
      assertThat(entry.get("actor").asText()).isEqualTo(owner);
      assertThat(entry.get("detail").asText()).startsWith("P3 to P1: the whole shop is down.");
    });
    assertThat(api.timeline(id)).anySatisfy(entry -> {
      assertThat(entry.get("type").asText()).isEqualTo("SLA_BREACHED");
      assertThat(entry.get("detail").asText()).startsWith("response SLA breached at tier 1");
    });
    JsonNode policy = api.ticket(id).get("slaPolicy");
    assertThat(policy.get("ruleId").asText()).isEqualTo("p1-around-the-clock");
    assertThat(policy.get("calendar").asText()).isEqualTo("24x7");
  }

  @Test
  void aPriorityChangeWithoutAReasonOrWithAnUnknownPriorityIsRefusedNamingTheField() {
    TicketApi api = new TicketApi(port);
    long id = api.open("P4", "BILLING", "no-reason@example.com");

    var noReason = api.post("/api/tickets/" + id + "/priority", Map.of("priority", "P2"));
    var unknown = api.post("/api/tickets/" + id + "/priority", Map.of("priority", "P0", "reason", "r"));

    assertThat(noReason.status()).isEqualTo(400);
    assertThat(ManualEscalationTest.fields(noReason.body())).containsExactly("reason");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("errors").get(0).get("field").asText()).isEqualTo("priority");
  }
}
