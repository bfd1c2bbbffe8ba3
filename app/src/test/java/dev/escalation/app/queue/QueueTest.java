package dev.escalation.app.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * W1: the queue's order, filters, cursor and bad parameters, over tickets written to the ledger with
 * known clocks (on a channel of their own, so other tests' tickets never mix in; filtered by it).
 */
@EmbeddedAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueTest {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  private TicketApi api;
  private final String channel = "queue-" + UUID.randomUUID().toString().substring(0, 8);
  private Instant now;
  private long breached;
  private long pausedFiveMinutes;
  private long p1DueInTenMinutes;
  private long p2DueInTenMinutes;
  private long notStarted;
  private long resolved;

  @BeforeAll
  void ledger() {
    api = new TicketApi(port).as("billing1");
    now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // breached response clock, resolution still running for hours: first anyway
    breached = ticket("P3", "OPEN", 2, "billing1", "BREACHED", null, null, null, "RUNNING", now.plus(Duration.ofHours(5)), null, null, false);
    // paused with 5 minutes left: ranks as due in 5 minutes, before the running 10-minute ones
    pausedFiveMinutes = ticket("P4", "WAITING_ON_CUSTOMER", 1, "agent1", "PAUSED", null, 300L, null, "PAUSED", null, 7200L, null, true);
    // the same due date: P1 before P2; the P2's warning has passed (at risk)
    p2DueInTenMinutes = ticket("P2", "OPEN", 1, "agent2", "RUNNING", now.plus(Duration.ofMinutes(10)), null,
        now.minus(Duration.ofMinutes(1)), "MET", null, null, null, false);
    p1DueInTenMinutes = ticket("P1", "OPEN", 1, "agent1", "RUNNING", now.plus(Duration.ofMinutes(10)), null,
        now.plus(Duration.ofMinutes(5)), "RUNNING", now.plus(Duration.ofHours(4)), null, now.plus(Duration.ofHours(3)), false);
    // no clock started yet: after every timed ticket
    notStarted = ticket("P1", "OPEN", 1, null, "NOT_STARTED", null, null, null, "NOT_STARTED", null, null, null, false);
    resolved = ticket("P1", "RESOLVED", 1, "agent1", "MET", null, null, null, "MET", null, null, null, false);
  }

  @AfterAll
  void removeTickets() {
    jdbc.sql("DELETE FROM ticket WHERE channel = ?").param(channel).update();
  }

  @Test
  void breachedFirstThenLeastTimeLeftCountingPausedClocksByTheirTimeLeftThenP1BeforeP2() {
    JsonNode page = queue("");
    assertThat(ids(page)).containsExactly(breached, pausedFiveMinutes, p1DueInTenMinutes, p2DueInTenMinutes, notStarted);
    assertThat(page.get("next").isNull()).isTrue();

    JsonNode first = page.get("items").get(0);
    assertThat(first.get("breached").asBoolean()).isTrue();
    assertThat(first.get("group").asText()).isEqualTo("billing"); // BILLING's group
    assertThat(first.get("owner").get("username").asText()).isEqualTo("billing1");
    assertThat(first.get("owner").get("displayName").asText()).isEqualTo("Bea Billing");
    JsonNode paused = page.get("items").get(1);
    assertThat(paused.get("responseLeftSeconds").asLong()).isEqualTo(300);
    assertThat(paused.get("resolutionLeftSeconds").asLong()).isEqualTo(7200);
    assertThat(paused.get("timeLeftSeconds").asLong()).isEqualTo(300);
    assertThat(paused.get("responseDueAt").isNull()).isTrue();
    assertThat(paused.get("vip").asBoolean()).isTrue();
    assertThat(paused.get("channel").asText()).isEqualTo(channel);
    JsonNode p2 = page.get("items").get(3);
    assertThat(p2.get("atRisk").asBoolean()).isTrue();
    assertThat(p2.get("responseDueAt").asText()).isEqualTo(now.plus(Duration.ofMinutes(10)).toString());
    assertThat(page.get("items").get(2).get("atRisk").asBoolean()).isFalse();
    assertThat(page.get("items").get(4).get("timeLeftSeconds").isNull()).isTrue();
  }

  @Test
  void theCursorWalksThePagesAndATicketThatBecomesMoreUrgentMeanwhileShiftsNothing() {
    JsonNode first = queue("&limit=2");
    assertThat(ids(first)).containsExactly(breached, pausedFiveMinutes);
    String next = first.get("next").asText();

    long newcomer = ticket("P1", "OPEN", 1, "agent1", "BREACHED", null, null, null, "RUNNING", now.plus(Duration.ofMinutes(1)), null,
        null, false);
    try {
      JsonNode second = queue("&limit=2&cursor=" + next);
      assertThat(ids(second)).containsExactly(p1DueInTenMinutes, p2DueInTenMinutes);
      assertThat(second.get("asOf").asText()).isEqualTo(first.get("asOf").asText());
      JsonNode third = queue("&limit=2&cursor=" + second.get("next").asText());
      assertThat(ids(third)).containsExactly(notStarted);
      assertThat(third.get("next").isNull()).isTrue();
      // a new walk sees it first
      assertThat(ids(queue("&limit=1"))).containsExactly(newcomer);
    } finally {
      jdbc.sql("DELETE FROM ticket WHERE id = ?").param(newcomer).update();
    }
  }

  @Test
  void filtersNarrowTheQueue() {
    assertThat(ids(queue("&priority=P1"))).containsExactly(p1DueInTenMinutes, notStarted);
    assertThat(ids(queue("&breached=true"))).containsExactly(breached);
    assertThat(ids(queue("&breached=false"))).containsExactly(pausedFiveMinutes, p1DueInTenMinutes, p2DueInTenMinutes, notStarted);
    assertThat(ids(queue("&atRisk=true"))).containsExactly(p2DueInTenMinutes);
    assertThat(ids(queue("&atRisk=false"))).containsExactly(breached, pausedFiveMinutes, p1DueInTenMinutes, notStarted);
    assertThat(ids(queue("&status=WAITING_ON_CUSTOMER"))).containsExactly(pausedFiveMinutes);
    assertThat(ids(queue("&vip=true"))).containsExactly(pausedFiveMinutes);
    assertThat(ids(queue("&tier=2"))).containsExactly(breached);
    assertThat(ids(queue("&group=billing"))).containsExactly(breached, pausedFiveMinutes, p1DueInTenMinutes, p2DueInTenMinutes, notStarted);
    assertThat(ids(queue("&group=technical"))).isEmpty();
    assertThat(ids(queue("&mine=true"))).containsExactly(breached); // billing1's
    assertThat(ids(get(api.as("agent1"), "&mine=true&priority=P4"))).containsExactly(pausedFiveMinutes);
    assertThat(ids(queue("&mine=false&tier=1&priority=P2"))).containsExactly(p2DueInTenMinutes);
  }

  @Test
  void badParametersAreA400NamingEachParameter() {
    TicketApi.Response response = api.get("/api/queue?tier=0&breached=yes&priority=p1&status=CLOSED&limit=101&cursor=bm9wZQ&sort=id&mine=true&mine=false");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    response.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("sort", "mine", "tier", "priority", "status", "breached", "limit", "cursor");
    assertThat(response.body().get("detail").asText()).contains("tier must be a whole number from 1 to 9: '0'")
        .contains("limit must be a whole number from 1 to 100: '101'").contains("breached must be true or false: 'yes'");
    assertThat(api.get("/api/queue?channel=Email%20").status()).isEqualTo(400);
    assertThat(api.get("/api/queue?group=" + URLEncoder.encode("billing'--", StandardCharsets.UTF_8)).status()).isEqualTo(400);
  }

  private JsonNode queue(String parameters) {
    return get(api, parameters);
  }

  private JsonNode get(TicketApi caller, String parameters) {
    TicketApi.Response response = caller.get("/api/queue?channel=" + channel + parameters);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.body();
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }

  private long ticket(String priority, String status, int tier, String owner, String responseClock, Instant responseDue,
      Long responseLeft, Instant responseWarning, String resolutionClock, Instant resolutionDue, Long resolutionLeft,
      Instant resolutionWarning, boolean vip) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO ticket (customer_name, customer_email, customer_language, customer_vip, channel, subject, description,
            priority, category, status, tier, max_tier, owner_username, response_clock, response_due_at,
            response_remaining_seconds, response_warning_at, resolution_clock, resolution_due_at,
            resolution_remaining_seconds, resolution_warning_at, opened_at)
        VALUES ('Queue Customer', 'queue@example.com', 'en', :vip, :channel, :subject, 'queue test', :priority, 'BILLING',
            :status, :tier, 3, :owner, :responseClock, :responseDue, :responseLeft, :responseWarning, :resolutionClock,
            :resolutionDue, :resolutionLeft, :resolutionWarning, :openedAt)
        """)
        .param("vip", vip).param("channel", channel).param("subject", "Queue " + priority + " " + status)
        .param("priority", priority).param("status", status).param("tier", tier).param("owner", owner)
        .param("responseClock", responseClock).param("responseDue", ts(responseDue)).param("responseLeft", responseLeft)
        .param("responseWarning", ts(responseWarning)).param("resolutionClock", resolutionClock)
        .param("resolutionDue", ts(resolutionDue)).param("resolutionLeft", resolutionLeft)
        .param("resolutionWarning", ts(resolutionWarning)).param("openedAt", Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")))
        .update(keys);
    return keys.getKey().longValue();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
