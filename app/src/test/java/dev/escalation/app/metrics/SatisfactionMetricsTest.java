package dev.escalation.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** M5 satisfaction in {@code GET /api/metrics}, over hand-made surveys of tickets opened in September 2020. */
@EmbeddedAppTest
class SatisfactionMetricsTest {
  private static final String MARK = "satisfaction-test-";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  TicketApi api;

  @BeforeEach
  void ledger() {
    api = new TicketApi(port);
    HandMadeLedger ledger = new HandMadeLedger(jdbc);
    if (ledger.hasCustomer(MARK)) {
      return;
    }
    long a = ledger.ticket(MARK + "a@example.com", "BILLING", "RESOLVED", 2, 1, "2020-09-01T10:00:00Z", "2020-09-01T12:00:00Z");
    ledger.survey(a, 2, "billing", "FUNCTIONAL", "email", 5, "2020-09-01T12:00:00Z");
    long b = ledger.ticket(MARK + "b@example.com", "BILLING", "RESOLVED", 2, 1, "2020-09-02T10:00:00Z", "2020-09-02T12:00:00Z");
    ledger.survey(b, 2, "billing", "HIERARCHICAL", "email", 2, "2020-09-02T12:00:00Z");
    long c = ledger.ticket(MARK + "c@example.com", "OTHER", "RESOLVED", 3, 2, "2020-09-03T10:00:00Z", "2020-09-03T12:00:00Z");
    ledger.survey(c, 3, null, "HIERARCHICAL", "chat", 1, "2020-09-03T12:00:00Z");
    long d = ledger.ticket(MARK + "d@example.com", "TECHNICAL", "RESOLVED", 1, 0, "2020-09-04T10:00:00Z", "2020-09-04T12:00:00Z");
    ledger.survey(d, 1, "technical", "NONE", "email", null, "2020-09-04T12:00:00Z");
    // opened the second before the window: not counted
    long e = ledger.ticket(MARK + "e@example.com", "BILLING", "RESOLVED", 2, 1, "2020-08-31T23:59:59Z", "2020-09-01T12:00:00Z");
    ledger.survey(e, 2, "billing", "FUNCTIONAL", "email", 1, "2020-09-01T12:00:00Z");
  }

  @Test
  void satisfactionStandsBesideTheOtherMetricsOverallAndByTierGroupEscalationTypeAndChannel() {
    JsonNode m = api.get("/api/metrics?from=2020-09-01T00:00:00Z&to=2020-10-01T00:00:00Z").body();
    assertThat(m.at("/escalationRate/ticketsOpened").asLong()).isEqualTo(4);
    JsonNode s = m.get("satisfaction");
    assertFigures(s.get("overall"), 4, 3, 0.75, (5 + 2 + 1) / 3.0, 2, "[1,1,0,0,1]");

    assertThat(s.get("byTier")).hasSize(3);
    assertShare(s.get("byTier").get(0), "1", 1, 0, 0.0, null, 0, "[0,0,0,0,0]");
    assertShare(s.get("byTier").get(1), "2", 2, 2, 1.0, 3.5, 1, "[0,1,0,0,1]");
    assertShare(s.get("byTier").get(2), "3", 1, 1, 1.0, 1.0, 1, "[1,0,0,0,0]");

    assertThat(s.get("byGroup")).hasSize(3);
    assertShare(s.get("byGroup").get(0), "billing", 2, 2, 1.0, 3.5, 1, "[0,1,0,0,1]");
    assertShare(s.get("byGroup").get(1), "none", 1, 1, 1.0, 1.0, 1, "[1,0,0,0,0]");
    assertShare(s.get("byGroup").get(2), "technical", 1, 0, 0.0, null, 0, "[0,0,0,0,0]");

    assertThat(s.get("byEscalationType")).hasSize(3);
    assertShare(s.get("byEscalationType").get(0), "FUNCTIONAL", 1, 1, 1.0, 5.0, 0, "[0,0,0,0,1]");
    assertShare(s.get("byEscalationType").get(1), "HIERARCHICAL", 2, 2, 1.0, 1.5, 2, "[1,1,0,0,0]");
    assertShare(s.get("byEscalationType").get(2), "NONE", 1, 0, 0.0, null, 0, "[0,0,0,0,0]");

    assertThat(s.get("byChannel")).hasSize(2);
    assertShare(s.get("byChannel").get(0), "chat", 1, 1, 1.0, 1.0, 1, "[1,0,0,0,0]");
    assertShare(s.get("byChannel").get(1), "email", 3, 2, 2.0 / 3, 3.5, 1, "[0,1,0,0,1]");
  }

  @Test
  void anEmptyWindowHasNoRatesAndNoBreakdown() {
    JsonNode s = api.get("/api/metrics?from=2019-03-01T00:00:00Z&to=2019-04-01T00:00:00Z").body().get("satisfaction");
    assertThat(s.at("/overall/surveysSent").asLong()).isZero();
    assertThat(s.at("/overall/responseRate").isNull()).isTrue();
    assertThat(s.at("/overall/averageRating").isNull()).isTrue();
    assertThat(s.get("byTier")).isEmpty();
  }

  private static void assertShare(JsonNode share, String key, long sent, long answered, double responseRate, Double average, long low,
      String ratings) {
    assertThat(share.get("key").asText()).isEqualTo(key);
    assertFigures(share.get("figures"), sent, answered, responseRate, average, low, ratings);
  }

  private static void assertFigures(JsonNode f, long sent, long answered, double responseRate, Double average, long low, String ratings) {
    assertThat(f.get("surveysSent").asLong()).isEqualTo(sent);
    assertThat(f.get("answered").asLong()).isEqualTo(answered);
    assertThat(f.get("responseRate").asDouble()).isCloseTo(responseRate, within(1e-9));
    if (average == null) {
      assertThat(f.get("averageRating").isNull()).isTrue();
    } else {
      assertThat(f.get("averageRating").asDouble()).isCloseTo(average, within(1e-4));
    }
    assertThat(f.get("lowRatings").asLong()).isEqualTo(low);
    assertThat(f.get("ratings").toString()).isEqualTo(ratings);
  }
}
