package dev.escalation.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * M9 over a hand-made ledger of SLA targets with known answers, written straight into the database in
 * June 2019, a window no other test's tickets fall into. The rows are what {@code SlaTargets} writes
 * (its own test, {@code SlaTargetsTest}, holds the write paths to that); here every figure of every
 * grouping is worked out by hand from the table below.
 *
 * <pre>
 * ticket  priority channel group      clock period (tier, start)   response    resolution
 * A       P1       email   billing    1 (tier 1, Mon 06-03 10:00)  MET         BREACHED
 *                                     2 (tier 2, Mon 06-03 14:05)  MET         MET
 * B       P2       chat    technical  1 (tier 1, Wed 06-05 10:00)  BREACHED    SUPERSEDED
 *                                     2 (tier 2, Wed 06-05 10:25)  PAUSED      PAUSED
 * C       P2       email   (none)     1 (tier 1, Tue 06-11 09:00)  MET         RUNNING
 * D       P1       email   billing    1 (tier 1, Wed 06-12 09:00)  MET         MET
 * outside the window: a breach the second before it, and one at its (exclusive) end
 * </pre>
 */
@EmbeddedAppTest
class SlaComplianceTest {
  private static final String WINDOW = "from=2019-06-03T00:00:00Z&to=2019-06-17T00:00:00Z";
  private static final String MARK = "sla-report-test-";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TicketApi manager;

  @BeforeEach
  void ledger() {
    manager = new TicketApi(port).as("manager1");
    if (jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_email LIKE ?").param(MARK + "%").query(Long.class).single() > 0) {
      return; // written by an earlier test in this JVM
    }
    long a = ticket("a", "P1", "email", "2019-06-03T09:55:00Z");
    target(a, 1, "RESPONSE", "P1", 1, "billing", "email", "agent1", "2019-06-03T10:00:00Z", "MET", "2019-06-03T10:10:00Z");
    target(a, 1, "RESOLUTION", "P1", 1, "billing", "email", "agent1", "2019-06-03T10:00:00Z", "BREACHED", "2019-06-03T14:00:00Z");
    breach(a, "2019-06-03T14:00:00Z", "resolution SLA breached at tier 1 (due 03.06.2019 14:00, owner agent1); escalating");
    target(a, 2, "RESPONSE", "P1", 2, "billing", "email", "billing1", "2019-06-03T14:05:00Z", "MET", "2019-06-03T14:10:00Z");
    target(a, 2, "RESOLUTION", "P1", 2, "billing", "email", "billing1", "2019-06-03T14:05:00Z", "MET", "2019-06-03T15:00:00Z");

    long b = ticket("b", "P2", "chat", "2019-06-05T09:58:00Z");
    target(b, 1, "RESPONSE", "P2", 1, "technical", "chat", "agent2", "2019-06-05T10:00:00Z", "BREACHED", "2019-06-05T10:20:00Z");
    breach(b, "2019-06-05T10:20:00Z", "response SLA breached at tier 1 (due \"10:15\", owner agent2); escalating");
    target(b, 1, "RESOLUTION", "P2", 1, "technical", "chat", "agent2", "2019-06-05T10:00:00Z", "SUPERSEDED", "2019-06-05T10:25:00Z");
    target(b, 2, "RESPONSE", "P2", 2, "technical", "chat", "tech1", "2019-06-05T10:25:00Z", "PAUSED", null);
    target(b, 2, "RESOLUTION", "P2", 2, "technical", "chat", "tech1", "2019-06-05T10:25:00Z", "PAUSED", null);

    long c = ticket("c", "P2", "email", "2019-06-11T08:59:00Z");
    target(c, 1, "RESPONSE", "P2", 1, null, "email", "agent1", "2019-06-11T09:00:00Z", "MET", "2019-06-11T09:30:00Z");
    target(c, 1, "RESOLUTION", "P2", 1, null, "email", "agent1", "2019-06-11T09:00:00Z", "RUNNING", null);

    long d = ticket("d", "P1", "email", "2019-06-12T08:59:00Z");
    target(d, 1, "RESPONSE", "P1", 1, "billing", "email", "agent1", "2019-06-12T09:00:00Z", "MET", "2019-06-12T09:05:00Z");
    target(d, 1, "RESOLUTION", "P1", 1, "billing", "email", "agent1", "2019-06-12T09:00:00Z", "MET", "2019-06-12T10:00:00Z");

    long before = ticket("before", "P1", "email", "2019-06-02T23:50:00Z");
    target(before, 1, "RESPONSE", "P1", 1, "billing", "email", "agent1", "2019-06-02T23:59:59Z", "BREACHED", "2019-06-03T00:15:00Z");
    long after = ticket("after", "P1", "email", "2019-06-16T23:50:00Z");
    target(after, 1, "RESPONSE", "P1", 1, "billing", "email", "agent1", "2019-06-17T00:00:00Z", "BREACHED", "2019-06-17T00:15:00Z");
  }

  @Test
  void byPriority() {
    JsonNode report = get("priority");
    assertThat(report.get("by").asText()).isEqualTo("priority");
    assertThat(report.at("/window/from").asText()).isEqualTo("2019-06-03T00:00:00Z");
    assertThat(keys(report)).containsExactly("P1", "P2");
    assertFigures(report.at("/groups/0/response"), 3, 0, 0, 0, 1.0);
    assertFigures(report.at("/groups/0/resolution"), 2, 1, 0, 0, 2.0 / 3);
    assertFigures(report.at("/groups/1/response"), 1, 1, 1, 0, 0.5);
    assertFigures(report.at("/groups/1/resolution"), 0, 0, 2, 1, null);
    assertFigures(report.at("/total/response"), 4, 1, 1, 0, 0.8);
    assertFigures(report.at("/total/resolution"), 2, 1, 2, 1, 2.0 / 3);
  }

  @Test
  void byTier() {
    JsonNode report = get("tier");
    assertThat(keys(report)).containsExactly("1", "2");
    assertFigures(report.at("/groups/0/response"), 3, 1, 0, 0, 0.75);
    assertFigures(report.at("/groups/0/resolution"), 1, 1, 1, 1, 0.5);
    assertFigures(report.at("/groups/1/response"), 1, 0, 1, 0, 1.0);
    assertFigures(report.at("/groups/1/resolution"), 1, 0, 1, 0, 1.0);
  }

  @Test
  void byGroupWithTheTicketsWithoutAGroupFirst() {
    JsonNode report = get("group");
    assertThat(report.at("/groups/0/key").isNull()).isTrue();
    assertThat(report.at("/groups/1/key").asText()).isEqualTo("billing");
    assertThat(report.at("/groups/2/key").asText()).isEqualTo("technical");
    assertFigures(report.at("/groups/0/response"), 1, 0, 0, 0, 1.0);
    assertFigures(report.at("/groups/0/resolution"), 0, 0, 1, 0, null);
    assertFigures(report.at("/groups/1/response"), 3, 0, 0, 0, 1.0);
    assertFigures(report.at("/groups/1/resolution"), 2, 1, 0, 0, 2.0 / 3);
    assertFigures(report.at("/groups/2/response"), 0, 1, 1, 0, 0.0);
    assertFigures(report.at("/groups/2/resolution"), 0, 0, 1, 1, null);
  }

  @Test
  void byChannel() {
    JsonNode report = get("channel");
    assertThat(keys(report)).containsExactly("chat", "email");
    assertFigures(report.at("/groups/0/response"), 0, 1, 1, 0, 0.0);
    assertFigures(report.at("/groups/1/response"), 4, 0, 0, 0, 1.0);
    assertFigures(report.at("/groups/1/resolution"), 2, 1, 1, 0, 2.0 / 3);
  }

  @Test
  void byWeekStartingOnMonday() {
    JsonNode report = get("week");
    assertThat(keys(report)).containsExactly("2019-06-03", "2019-06-10");
    assertFigures(report.at("/groups/0/response"), 2, 1, 1, 0, 2.0 / 3);
    assertFigures(report.at("/groups/0/resolution"), 1, 1, 1, 1, 0.5);
    assertFigures(report.at("/groups/1/response"), 2, 0, 0, 0, 1.0);
    assertFigures(report.at("/groups/1/resolution"), 1, 0, 1, 0, 1.0);
  }

  @Test
  void theBreachesWithTheirReasonOldestFirst() {
    TicketApi.Response response = manager.get("/api/reports/sla-breaches?" + WINDOW);
    assertThat(response.status()).isEqualTo(200);
    JsonNode list = response.body().get("breaches");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("ticketId").asLong()).isEqualTo(id("a"));
    assertThat(list.get(0).get("clock").asText()).isEqualTo("RESOLUTION");
    assertThat(list.get(0).get("tier").asInt()).isEqualTo(1);
    assertThat(list.get(0).get("owner").asText()).isEqualTo("agent1");
    assertThat(list.get(0).get("dueAt").asText()).isEqualTo("2019-06-03T14:00:00Z");
    assertThat(list.get(0).get("breachedAt").asText()).isEqualTo("2019-06-03T14:00:00Z");
    assertThat(list.get(0).get("reason").asText()).isEqualTo("resolution SLA breached at tier 1 (due 03.06.2019 14:00, owner agent1); escalating");
    assertThat(list.get(1).get("ticketId").asLong()).isEqualTo(id("b"));
    assertThat(list.get(1).get("clock").asText()).isEqualTo("RESPONSE");
    assertThat(list.get(1).get("group").asText()).isEqualTo("technical");
    assertThat(list.get(1).get("channel").asText()).isEqualTo("chat");
    assertThat(list.get(1).get("reason").asText()).startsWith("response SLA breached at tier 1");
  }

  @Test
  void csvOfBothWithQuotedFields() throws Exception {
    HttpResponse<String> compliance = csv("/api/reports/sla-compliance?by=priority&" + WINDOW);
    assertThat(compliance.statusCode()).isEqualTo(200);
    assertThat(compliance.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(compliance.body()).isEqualTo(
        "priority,response_met,response_breached,response_pending,response_superseded,response_rate,"
            + "resolution_met,resolution_breached,resolution_pending,resolution_superseded,resolution_rate\r\n"
            + "P1,3,0,0,0,1.0,2,1,0,0," + (2.0 / 3) + "\r\n"
            + "P2,1,1,1,0,0.5,0,0,2,1,\r\n"
            + "total,4,1,1,0,0.8,2,1,2,1," + (2.0 / 3) + "\r\n");

    HttpResponse<String> breaches = csv("/api/reports/sla-breaches?" + WINDOW);
    assertThat(breaches.statusCode()).isEqualTo(200);
    assertThat(breaches.body().split("\r\n", -1)).containsExactly(
        "ticket_id,clock,priority,tier,group,channel,owner,started_at,due_at,breached_at,reason",
        id("a") + ",RESOLUTION,P1,1,billing,email,agent1,2019-06-03T10:00:00Z,2019-06-03T14:00:00Z,2019-06-03T14:00:00Z,"
            + "\"resolution SLA breached at tier 1 (due 03.06.2019 14:00, owner agent1); escalating\"",
        id("b") + ",RESPONSE,P2,1,technical,chat,agent2,2019-06-05T10:00:00Z,2019-06-05T10:15:00Z,2019-06-05T10:20:00Z,"
            + "\"response SLA breached at tier 1 (due \"\"10:15\"\", owner agent2); escalating\"",
        "");
  }

  @Test
  void badParametersAre400sNamingTheParameter() {
    assertBadParameter("/api/reports/sla-compliance?by=customer&" + WINDOW, "by");
    assertBadParameter("/api/reports/sla-compliance?by=PRIORITY&" + WINDOW, "by");
    assertBadParameter("/api/reports/sla-compliance?from=yesterday", "from");
    assertBadParameter("/api/reports/sla-compliance?to=2019-13-01T00:00:00Z", "to");
    assertBadParameter("/api/reports/sla-compliance?from=2019-06-17T00:00:00Z&to=2019-06-03T00:00:00Z", "to");
    assertBadParameter("/api/reports/sla-breaches?from=2019-06-03", "from");
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent1", "billing1"})
  void agentsAndSpecialistsAreRefused(String user) {
    assertThat(new TicketApi(port).as(user).get("/api/reports/sla-compliance?" + WINDOW).status()).isEqualTo(403);
    assertThat(new TicketApi(port).as(user).get("/api/reports/sla-breaches?" + WINDOW).status()).isEqualTo(403);
  }

  @Test
  void managersHeadsAndAdminsMayRead() {
    assertThat(new TicketApi(port).as("head1").get("/api/reports/sla-compliance?" + WINDOW).status()).isEqualTo(200);
    assertThat(new TicketApi(port).as("admin").get("/api/reports/sla-breaches?" + WINDOW).status()).isEqualTo(200);
    assertThat(new TicketApi(port).anonymous().get("/api/reports/sla-breaches?" + WINDOW).status()).isEqualTo(401);
  }

  private void assertBadParameter(String path, String parameter) {
    TicketApi.Response response = manager.get(path);
    assertThat(response.status()).as(path).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.body().at("/errors/0/field").asText()).as(path).isEqualTo(parameter);
  }

  private JsonNode get(String by) {
    TicketApi.Response response = manager.get("/api/reports/sla-compliance?by=" + by + "&" + WINDOW);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> csv(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", TicketApi.basic("manager1", TicketApi.DEMO_PASSWORD))
        .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> keys(JsonNode report) {
    List<String> keys = new ArrayList<>();
    report.get("groups").forEach(g -> keys.add(g.get("key").asText()));
    return keys;
  }

  private static void assertFigures(JsonNode figures, long met, long breached, long pending, long superseded, Double rate) {
    assertThat(figures.get("met").asLong()).isEqualTo(met);
    assertThat(figures.get("breached").asLong()).isEqualTo(breached);
    assertThat(figures.get("pending").asLong()).isEqualTo(pending);
    assertThat(figures.get("superseded").asLong()).isEqualTo(superseded);
    if (rate == null) {
      assertThat(figures.get("rate").isNull()).isTrue();
    } else {
      assertThat(figures.get("rate").asDouble()).isCloseTo(rate, within(1e-12));
    }
  }

  private long id(String name) {
    return jdbc.sql("SELECT id FROM ticket WHERE customer_email = ?").param(MARK + name + "@example.com").query(Long.class).single();
  }

  private long ticket(String name, String priority, String channel, String openedAt) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO ticket (customer_name, customer_email, customer_language, channel, subject, description, priority, category,
                            status, tier, max_tier, response_clock, resolution_clock, opened_at)
        VALUES (?, ?, 'en', ?, ?, 'hand-made for the SLA report test', ?, 'BILLING', 'OPEN', 1, 3, 'RUNNING', 'RUNNING', ?)
        """)
        .params("Sla " + name, MARK + name + "@example.com", channel, "sla " + name, priority, at(openedAt))
        .update(key, "id");
    return key.getKey().longValue();
  }

  private void target(long ticketId, int epoch, String clock, String priority, int tier, String group, String channel, String owner,
      String startedAt, String state, String endedAt) {
    Instant start = Instant.parse(startedAt);
    Instant due = start.plus("RESPONSE".equals(clock) ? java.time.Duration.ofMinutes(15) : java.time.Duration.ofHours(4));
    jdbc.sql("""
        INSERT INTO sla_target (ticket_id, epoch, clock, priority, tier, skill_group, channel, owner_username, started_at, due_at,
                                state, ended_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
        .params(ticketId, epoch, clock, priority, tier, group, channel, owner, at(startedAt), Timestamp.from(due), state, at(endedAt))
        .update();
  }

  private void breach(long ticketId, String at, String detail) {
    jdbc.sql("INSERT INTO audit_event (ticket_id, at, type, actor, detail) VALUES (?, ?, 'SLA_BREACHED', 'system', ?)")
        .params(ticketId, at(at), detail).update();
  }

  private static Timestamp at(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
