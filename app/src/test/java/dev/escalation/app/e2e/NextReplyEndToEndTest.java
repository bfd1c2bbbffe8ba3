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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S3 end to end on the PREMIUM row (next reply within 4 business hours): the owner has answered the first
 * time (the response clock is met), then the customer writes again. Left unanswered, the next-reply clock
 * warns at 50% and 75% and breaches just after its deadline, not before: the ticket escalates with the
 * cause NEXT_REPLY_SLA_BREACHED and a handoff note that says so. Answered in time, nothing breaches.
 */
@EmbeddedAppTest
class NextReplyEndToEndTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Duration WAIT = Duration.ofSeconds(30);
  @LocalServerPort int port;

  @Test
  void anUnansweredCustomerMessageBreachesItsNextReplyClockAndEscalatesWithItsOwnCause() {
    TicketApi api = new TicketApi(port);
    ZonedDateTime monday = toNextMondayAtTen(api);
    long id = openPremiumAndAnswerOnce(api, "next-reply-breach@example.com");

    Instant due = customerWrites(api, id, "Still no invoice, we need it for the audit today.");
    // 4 business hours from about 10:00 Monday
    assertThat(due).isBetween(monday.plusHours(4).toInstant(), monday.plusHours(4).plusMinutes(1).toInstant());

    // warnings at 50% and 75% of the 4 hours, each once; a minute before the deadline nothing has breached
    advanceTo(api, due.minus(Duration.ofHours(2)).plusSeconds(30));
    await().atMost(WAIT).until(() -> api.notifications(id, "SLA_WARNING").size() == 1);
    advanceTo(api, due.minus(Duration.ofHours(1)).plusSeconds(30));
    await().atMost(WAIT).until(() -> api.notifications(id, "SLA_WARNING").size() == 2);
    assertThat(api.notifications(id, "SLA_WARNING")).extracting(n -> n.get("subject").asText())
        .allSatisfy(subject -> assertThat(subject).contains("next reply SLA at"))
        .anySatisfy(subject -> assertThat(subject).contains("at 50%"))
        .anySatisfy(subject -> assertThat(subject).contains("at 75%"));
    advanceTo(api, due.minusSeconds(60));
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> api.ticket(id).get("tier").asInt() == 1);
    assertThat(api.ticket(id).get("nextReplyClock").asText()).isEqualTo("RUNNING");
    assertThat(api.notifications(id, "SLA_BREACH")).isEmpty();

    advanceTo(api, due.plusSeconds(60));
    await().atMost(WAIT).until(() -> api.ticket(id).get("tier").asInt() == 2);
    assertThat(api.ticket(id).get("nextReplyClock").asText()).isEqualTo("BREACHED");
    JsonNode escalation = api.get("/api/tickets/" + id + "/escalations").body().get(0);
    assertThat(escalation.get("cause").asText()).isEqualTo("NEXT_REPLY_SLA_BREACHED");
    JsonNode note = api.get("/api/tickets/" + id + "/handoff-notes").body().get(0);
    assertThat(note.get("automatic").asBoolean()).isTrue();
    assertThat(note.get("summary").asText()).startsWith("Next reply SLA breached at tier 1 (P3");
    assertThat(api.notifications(id, "SLA_BREACH")).singleElement()
        .satisfies(n -> assertThat(n.get("subject").asText()).isEqualTo("[#" + id + "] next reply SLA breached"));
    assertThat(api.timelineTypes(id)).containsSubsequence("NEXT_REPLY_CLOCK_STARTED", "SLA_WARNING", "SLA_WARNING", "SLA_BREACHED",
        "ESCALATED");
  }

  @Test
  void aReplyInTimeMeetsTheClockAndNothingBreaches() {
    TicketApi api = new TicketApi(port);
    toNextMondayAtTen(api);
    long id = openPremiumAndAnswerOnce(api, "next-reply-met@example.com");
    Instant due = customerWrites(api, id, "Thanks, and can you also resend the credit note?");
    TicketApi asOwner = api.as(api.ticket(id).get("owner").get("username").asText());

    api.advanceClock("PT3H");
    assertThat(asOwner.post("/api/tickets/" + id + "/replies", Map.of("text", "Sent it again just now.")).status()).isEqualTo(202);
    assertThat(api.ticket(id).get("nextReplyClock").asText()).isEqualTo("MET");

    advanceTo(api, due.plusSeconds(60));
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> api.ticket(id).get("tier").asInt() == 1);
    JsonNode after = api.ticket(id);
    assertThat(after.get("tier").asInt()).isEqualTo(1);
    assertThat(after.get("nextReplyClock").asText()).isEqualTo("MET");
    assertThat(api.notifications(id, "SLA_BREACH")).isEmpty();
    assertThat(api.get("/api/tickets/" + id + "/escalations").body()).isEmpty();
    assertThat(api.timelineTypes(id)).containsSubsequence("NEXT_REPLY_CLOCK_STARTED", "REPLIED_TO_CUSTOMER", "NEXT_REPLY_MET");
  }

  /** Moves the shared test clock to the next Monday, 10:00 in Berlin (inside business hours). */
  private static ZonedDateTime toNextMondayAtTen(TicketApi api) {
    ZonedDateTime now = Instant.now(EmbeddedRuntime.clock()).atZone(BERLIN);
    ZonedDateTime monday = now.plusDays(1).truncatedTo(ChronoUnit.DAYS);
    while (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      monday = monday.plusDays(1);
    }
    monday = monday.withHour(10);
    api.advanceClock(Duration.between(now, monday).truncatedTo(ChronoUnit.SECONDS).toString());
    return monday;
  }

  /** A PREMIUM P3 ticket whose owner has answered once: the response clock is met, the next-reply one waits for a message. */
  private static long openPremiumAndAnswerOnce(TicketApi api, String email) {
    long id = api.open(premium(email));
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    assertThat(api.ticket(id).get("slaPolicy").get("ruleId").asText()).isEqualTo("premium-next-reply");
    assertThat(api.ticket(id).get("nextReplyClock").asText()).isEqualTo("NONE");
    TicketApi asOwner = api.as(api.ticket(id).get("owner").get("username").asText());
    assertThat(asOwner.post("/api/tickets/" + id + "/replies", Map.of("text", "We are looking into it.")).status()).isEqualTo(202);
    assertThat(api.ticket(id).get("nextReplyClock").asText()).as("an answer with no message waiting meets nothing").isEqualTo("NONE");
    return id;
  }

  /** The customer writes; returns the next-reply clock's due date once it runs. */
  private static Instant customerWrites(TicketApi api, long id, String message) {
    assertThat(api.post("/api/tickets/" + id + "/customer-replies", Map.of("message", message)).status()).isEqualTo(202);
    await().atMost(WAIT).until(() -> "RUNNING".equals(api.ticket(id).get("nextReplyClock").asText()));
    return Instant.parse(api.ticket(id).get("nextReplyDueAt").asText());
  }

  private static void advanceTo(TicketApi api, Instant target) {
    Duration gap = Duration.between(Instant.now(EmbeddedRuntime.clock()), target).truncatedTo(ChronoUnit.SECONDS);
    assertThat(gap).as("the test clock is before %s", target).isPositive();
    api.advanceClock(gap.toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> premium(String email) {
    Map<String, Object> request = new HashMap<>(TicketApi.ticketRequest("P3", "TECHNICAL", email));
    Map<String, Object> customer = new HashMap<>((Map<String, Object>) request.get("customer"));
    customer.put("plan", "PREMIUM");
    request.put("customer", customer);
    return request;
  }
}
