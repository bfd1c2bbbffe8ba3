package dev.escalation.workers.team;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationRepository;
import dev.escalation.workers.notification.NotificationStatus;
import dev.escalation.workers.notification.OutboxDispatcher;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** C5: team alerts to Slack (Block Kit) and Teams (Adaptive Card) through the outbox, against WireMock playing both webhooks. */
@LedgerTest
@Import(TeamChannelTest.MovableClock.class)
@TestPropertySource(properties = {
    "escalation.outbox.enabled=false",
    "escalation.team-channel.routes.P1_ESCALATION=SLACK,TEAMS",
    "escalation.team-channel.routes.TOP_TIER_BREACH=SLACK",
    "escalation.team-channel.routes.PAGE_UNANSWERED=TEAMS",
    "escalation.team-channel.ticket-link-base=https://support.example.test/"})
class TeamChannelTest {
  static final WireMockServer PROVIDERS = startProviders();
  private static final String SLACK_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
  private static final String TEAMS_PATH = "/workflows/a1b2c3/triggers/manual/paths/invoke?api-version=1";

  static WireMockServer startProviders() {
    WireMockServer server = new WireMockServer(options().dynamicPort());
    server.start();
    return server;
  }

  @DynamicPropertySource
  static void webhooks(DynamicPropertyRegistry registry) {
    registry.add("escalation.team-channel.slack-webhook-url", () -> PROVIDERS.baseUrl() + SLACK_PATH);
    registry.add("escalation.team-channel.teams-webhook-url", () -> PROVIDERS.baseUrl() + TEAMS_PATH);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return MutableClock.startingNow();
    }
  }

  @Autowired TeamChannel team;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired NotificationRepository notifications;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    PROVIDERS.resetAll();
    jdbc.sql("DELETE FROM notification").update();
  }

  @AfterAll
  static void stop() {
    PROVIDERS.stop();
  }

  private int alert(TeamEvent event, String key, Long ticketId, String title, String text) {
    return new TransactionTemplate(transactions).execute(s -> team.post(event, key, ticketId, title, text));
  }

  private List<Notification> alerts() {
    return notifications.findAll().stream().filter(n -> n.kind() == NotificationKind.TEAM_ALERT).toList();
  }

  private Notification alertTo(Channel channel) {
    return alerts().stream().filter(n -> n.channel() == channel).findFirst().orElseThrow();
  }

  @Test
  void eachEventGoesWhereItIsRoutedAndOnlyOnce() {
    assertThat(alert(TeamEvent.P1_ESCALATION, "job-1", 41L, "P1 escalation: #41 Checkout down", "tier 2")).isEqualTo(2);
    assertThat(alert(TeamEvent.P1_ESCALATION, "job-1", 41L, "P1 escalation: #41 Checkout down", "tier 2")).isZero();
    assertThat(alert(TeamEvent.TOP_TIER_BREACH, "job-2", 41L, "Top tier breach", "t")).isEqualTo(1);
    assertThat(alert(TeamEvent.PAGE_UNANSWERED, "page-3", 41L, "Unanswered page", "t")).isEqualTo(1);
    assertThat(alert(TeamEvent.ESCALATION_RATE, "crossing-2026-11-30", null, "Escalation rate 34%", "above 30%")).as("no route: every target")
        .isEqualTo(2);

    assertThat(alerts()).extracting(n -> n.idempotencyKey() + " " + n.channel()).containsExactlyInAnyOrder(
        "TEAM:SLACK:P1_ESCALATION:job-1 SLACK", "TEAM:TEAMS:P1_ESCALATION:job-1 TEAMS",
        "TEAM:SLACK:TOP_TIER_BREACH:job-2 SLACK", "TEAM:TEAMS:PAGE_UNANSWERED:page-3 TEAMS",
        "TEAM:SLACK:ESCALATION_RATE:crossing-2026-11-30 SLACK", "TEAM:TEAMS:ESCALATION_RATE:crossing-2026-11-30 TEAMS");
  }

  @Test
  void slackGetsABlockKitMessageWithALinkToTheTicket() {
    PROVIDERS.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
        .withBody("ok")));
    alert(TeamEvent.TOP_TIER_BREACH, "job-7", 42L, "SLA breached at the top tier: #42 Refund <lost>",
        "P1 ticket #42 breached its SLA at tier 3 & nobody answered.");

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    PROVIDERS.verify(1, postRequestedFor(urlEqualTo(SLACK_PATH))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {
              "text": "SLA breached at the top tier: #42 Refund <lost>",
              "blocks": [
                {"type": "header", "text": {"type": "plain_text", "text": "SLA breached at the top tier: #42 Refund <lost>"}},
                {"type": "section", "text": {"type": "mrkdwn",
                  "text": "P1 ticket #42 breached its SLA at tier 3 &amp; nobody answered."}},
                {"type": "actions", "elements": [
                  {"type": "button", "text": {"type": "plain_text", "text": "Open ticket #42"},
                   "url": "https://support.example.test/#/tickets/42"}
                ]}
              ]
            }""")));
    assertThat(alertTo(Channel.SLACK).status()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void teamsGetsAnAdaptiveCardAndAWorkflowsAcceptedCounts() {
    PROVIDERS.stubFor(post(urlEqualTo(TEAMS_PATH)).willReturn(aResponse().withStatus(202)));
    alert(TeamEvent.PAGE_UNANSWERED, "page-9", 43L, "Unanswered page for #43", "Nobody acknowledged the page after 3 pages.");

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    PROVIDERS.verify(1, postRequestedFor(urlEqualTo(TEAMS_PATH)).withRequestBody(equalToJson("""
        {
          "type": "message",
          "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": {
              "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
              "type": "AdaptiveCard",
              "version": "1.4",
              "body": [
                {"type": "TextBlock", "text": "Unanswered page for #43", "weight": "Bolder", "size": "Medium", "wrap": true},
                {"type": "TextBlock", "text": "Nobody acknowledged the page after 3 pages.", "wrap": true}
              ],
              "actions": [{"type": "Action.OpenUrl", "title": "Open ticket #43", "url": "https://support.example.test/#/tickets/43"}]
            }
          }]
        }""")));
    assertThat(alertTo(Channel.TEAMS).status()).isEqualTo(NotificationStatus.SENT);
  }

  @Test
  void aRateLimitedPostWaitsForRetryAfterThenGoesOutOnce() {
    PROVIDERS.stubFor(post(urlEqualTo(SLACK_PATH)).inScenario("limit").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("rate_limited"))
        .willSetStateTo("open"));
    PROVIDERS.stubFor(post(urlEqualTo(SLACK_PATH)).inScenario("limit").whenScenarioStateIs("open")
        .willReturn(aResponse().withStatus(200).withBody("ok")));
    alert(TeamEvent.TOP_TIER_BREACH, "job-8", 44L, "Top tier breach #44", "t");

    Instant first = clock.instant();
    dispatcher.dispatchDue();
    Notification waiting = alertTo(Channel.SLACK);
    assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(waiting.nextAttemptAt()).isEqualTo(first.plusSeconds(30));
    assertThat(waiting.lastError()).contains("Slack answered 429: rate_limited");

    clock.advance(Duration.ofSeconds(29));
    assertThat(dispatcher.dispatchDue()).isZero();
    PROVIDERS.verify(1, postRequestedFor(urlEqualTo(SLACK_PATH)));

    clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(alertTo(Channel.SLACK).status()).isEqualTo(NotificationStatus.SENT);
    clock.advance(Duration.ofHours(1));
    dispatcher.dispatchDue();
    PROVIDERS.verify(2, postRequestedFor(urlEqualTo(SLACK_PATH)));
  }

  @Test
  void aRefusedPostFailsForGoodWithTheProvidersError() {
    PROVIDERS.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(410).withBody("channel_is_archived")));
    PROVIDERS.stubFor(post(urlEqualTo(TEAMS_PATH)).willReturn(aResponse().withStatus(400)
        .withBody("Webhook Bad Request - Null or empty event")));
    alert(TeamEvent.P1_ESCALATION, "job-9", 45L, "P1 escalation: #45", "t");

    dispatcher.dispatchDue();
    clock.advance(Duration.ofHours(1));
    dispatcher.dispatchDue();

    Notification slack = alertTo(Channel.SLACK);
    assertThat(slack.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(slack.lastError()).isEqualTo("Slack answered 410: channel_is_archived");
    assertThat(slack.attempts()).isEqualTo(1);
    Notification teams = alertTo(Channel.TEAMS);
    assertThat(teams.status()).isEqualTo(NotificationStatus.FAILED);
    assertThat(teams.lastError()).isEqualTo("Teams answered 400: Webhook Bad Request - Null or empty event");
    PROVIDERS.verify(1, postRequestedFor(urlEqualTo(SLACK_PATH)));
    PROVIDERS.verify(1, postRequestedFor(urlEqualTo(TEAMS_PATH)));
  }
}
