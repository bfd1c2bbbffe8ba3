package dev.escalation.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.metrics.RecurringIssues;
import dev.escalation.workers.notification.Outbox;
import dev.escalation.workers.team.TeamChannel;
import dev.escalation.workers.team.TeamChannelProperties;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * M8 and C5: a crossing above the threshold goes to the team channel once, with the figures and what
 * contributes most. The shared app has no team channel configured, so this test gives the announcer one
 * of its own (a Slack webhook address) over the app's real outbox.
 */
@EmbeddedAppTest
class TeamChannelRateAnnouncerTest {
  private static final long CROSSING = 990_000_000L + (System.nanoTime() % 1_000_000);

  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void removeThePost() {
    jdbc.sql("DELETE FROM notification WHERE idempotency_key = ?").param(key()).update();
  }

  @Test
  void aCrossingIsPostedToTheTeamChannelOnceWithItsFiguresAndContributors() {
    TeamChannel slack = new TeamChannel(outbox, new TeamChannelProperties(
        URI.create("https://hooks.slack.com/services/T0/B0/secret"), null, Map.of(), null, null));
    TeamChannelRateAnnouncer announcer = new TeamChannelRateAnnouncer(slack);
    RateCrossing crossing = new RateCrossing(CROSSING, true, Instant.parse("2018-01-20T00:00:00Z"),
        Instant.parse("2017-12-21T00:00:00Z"), Instant.parse("2018-01-20T00:00:00Z"), 4, 2, 0.5, 0.3,
        List.of(new RecurringIssues.Category("BILLING", 2, 3)), List.of(new RecurringIssues.Rule("vip-threatens-to-leave", 1)));

    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(s -> announcer.crossedAbove(crossing));
    tx.executeWithoutResult(s -> announcer.crossedAbove(crossing)); // the same crossing again: dropped

    List<Map<String, Object>> posts = jdbc.sql("SELECT kind, channel, ticket_id, subject, body FROM notification WHERE idempotency_key = ?")
        .param(key()).query().listOfRows();
    assertThat(posts).hasSize(1);
    Map<String, Object> post = posts.get(0);
    assertThat(post.get("kind")).isEqualTo("TEAM_ALERT");
    assertThat(post.get("channel")).isEqualTo("SLACK");
    assertThat(post.get("ticket_id")).isNull();
    assertThat(post.get("subject")).isEqualTo("Escalation rate 50.0% is above the 30.0% threshold");
    assertThat(post.get("body")).isEqualTo("2 of 4 tickets opened in the window were escalated. Most escalated categories: BILLING (2 of 3)."
        + " Criteria rules on them: vip-threatens-to-leave (1).");
  }

  private static String key() {
    return "TEAM:SLACK:ESCALATION_RATE:crossing-" + CROSSING;
  }
}
