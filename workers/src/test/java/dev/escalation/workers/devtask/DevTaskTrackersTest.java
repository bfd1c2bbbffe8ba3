package dev.escalation.workers.devtask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.ConfigurationFailure;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationRepository;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** N3 and N4: the GitHub and Jira adapters against WireMock with their real request shapes, and the internal tracker. */
@LedgerTest
class DevTaskTrackersTest {
  private static final AtomicLong JOB_KEYS = new AtomicLong(7_000_000);
  static WireMockServer tracker;

  @Autowired DevTaskLedger ledger;
  @Autowired Tickets tickets;
  @Autowired AuditTrail audit;
  @Autowired OnceOnly once;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired RosterRepository roster;
  @Autowired NotificationRepository notifications;
  @Autowired FixShippedNotices fixShipped;

  @BeforeAll
  static void startTracker() {
    tracker = new WireMockServer(options().dynamicPort());
    tracker.start();
  }

  @AfterAll
  static void stopTracker() {
    tracker.stop();
  }

  @BeforeEach
  void reset() {
    tracker.resetAll();
  }

  private long ticket(String subject) {
    Ticket t = Ticket.open(new Customer("Dana Customer", "dana@example.test", "en", true, new BigDecimal("250000.00")), "email",
        subject, "1. Open the cart\n2. Press Pay\n\nThe page shows error 500.", Priority.P2, Category.TECHNICAL, 3, Instant.now());
    return tickets.save(t).id();
  }

  private DevTaskProperties github(Duration timeout) {
    return new DevTaskProperties(Tracker.GITHUB, URI.create("https://support.example.test"), timeout,
        new DevTaskProperties.Github(URI.create(tracker.baseUrl()), "octo", "shop", "ghp_secret", "hook-secret", null), null);
  }

  private DevTaskProperties jira() {
    return new DevTaskProperties(Tracker.JIRA, URI.create("https://support.example.test"), Duration.ofSeconds(2), null,
        new DevTaskProperties.Jira(URI.create(tracker.baseUrl()), "bot@example.test", "jira-token", "SUP", null, "jira-secret", null));
  }

  private DevTasks devTasks(DevTaskProperties properties) {
    return new DevTasks(ledger, tickets, audit, properties, new TrackerAdapters(properties), transactions, clock);
  }

  private Map<String, Object> job(long jobKey, long ticketId, DevTasks devTasks) {
    return once.run(jobKey, "create-dev-task", ticketId, () -> devTasks.createFor(ticketId));
  }

  private static String githubBody(long id) {
    return """
        {"title": "[Support #%1$d] Checkout fails",
         "body": "**Summary:** Checkout fails\\n\\n**Customer impact:** P2 TECHNICAL ticket, VIP customer, annual revenue 250000.00, currently at tier 1 (email)\\n\\n**Steps / description (from the customer):**\\n\\n1. Open the cart\\n2. Press Pay\\n\\nThe page shows error 500.\\n\\n**Support ticket:** https://support.example.test/#/tickets/%1$d\\n\\n_Created by the escalation engine. Closing this issue tells the customer that the fix shipped._",
         "labels": ["bug", "escalation-ticket-%1$d"]}
        """.formatted(id);
  }

  @Test
  void githubIssueIsCreatedWithTheTicketsContextAndALinkBack() {
    long id = ticket("Checkout fails");
    tracker.stubFor(post("/repos/octo/shop/issues").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"number\": 12, \"html_url\": \"https://github.com/octo/shop/issues/12\", \"state\": \"open\"}")));

    Map<String, Object> result = job(JOB_KEYS.incrementAndGet(), id, devTasks(github(Duration.ofSeconds(2))));

    assertThat(result).containsExactly(Map.entry("devTaskKey", "octo/shop#12"));
    tracker.verify(1, postRequestedFor(urlPathEqualTo("/repos/octo/shop/issues"))
        .withHeader("Authorization", equalTo("Bearer ghp_secret"))
        .withHeader("Accept", equalTo("application/vnd.github+json"))
        .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(githubBody(id))));
    tracker.verify(0, getRequestedFor(urlPathEqualTo("/repos/octo/shop/issues")));
    assertThat(ledger.ofTicket(id)).get().satisfies(t -> {
      assertThat(t.state()).isEqualTo(DevTaskState.OPEN);
      assertThat(t.tracker()).isEqualTo(Tracker.GITHUB);
      assertThat(t.key()).isEqualTo("octo/shop#12");
      assertThat(t.url()).isEqualTo("https://github.com/octo/shop/issues/12");
    });
    assertThat(audit.timeline(id)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo(AuditEventType.DEV_TASK_CREATED);
      assertThat(e.detail()).contains("octo/shop#12");
    });
  }

  @Test
  void aJobThatCrashedAfterGithubAnsweredFindsTheIssueInsteadOfCreatingASecond() {
    long id = ticket("Checkout fails");
    tracker.stubFor(post("/repos/octo/shop/issues").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"number\": 13, \"html_url\": \"https://github.com/octo/shop/issues/13\"}")));
    tracker.stubFor(get(urlPathEqualTo("/repos/octo/shop/issues")).withQueryParam("labels", equalTo("escalation-ticket-" + id))
        .withQueryParam("state", equalTo("all"))
        .willReturn(okJson("[{\"number\": 13, \"html_url\": \"https://github.com/octo/shop/issues/13\", \"labels\": [{\"name\": \"escalation-ticket-" + id + "\"}]}]")));
    DevTasks devTasks = devTasks(github(Duration.ofSeconds(2)));
    long jobKey = JOB_KEYS.incrementAndGet();

    assertThatThrownBy(() -> once.run(jobKey, "create-dev-task", id, () -> {
      devTasks.createFor(id);
      throw new IllegalStateException("worker crashed after the HTTP call, before its commit");
    })).hasMessageContaining("crashed");
    assertThat(ledger.ofTicket(id)).get().extracting(DevTask::state).isEqualTo(DevTaskState.CREATING);

    Map<String, Object> redelivered = job(jobKey, id, devTasks);
    Map<String, Object> again = job(jobKey, id, devTasks);

    assertThat(redelivered).isEqualTo(again).containsEntry("devTaskKey", "octo/shop#13");
    tracker.verify(1, postRequestedFor(urlPathEqualTo("/repos/octo/shop/issues")));
    tracker.verify(1, getRequestedFor(urlPathEqualTo("/repos/octo/shop/issues"))
        .withHeader("Authorization", equalTo("Bearer ghp_secret")));
    assertThat(ledger.ofTicket(id)).get().satisfies(t -> {
      assertThat(t.state()).isEqualTo(DevTaskState.OPEN);
      assertThat(t.key()).isEqualTo("octo/shop#13");
    });
    assertThat(audit.timeline(id)).filteredOn(e -> e.type() == AuditEventType.DEV_TASK_CREATED).hasSize(1);
  }

  @Test
  void aCrashBeforeGithubWasReachedCreatesTheIssueOnRetry() {
    long id = ticket("Checkout fails");
    tracker.stubFor(post("/repos/octo/shop/issues").willReturn(aResponse().withStatus(503).withBody("{\"message\":\"unavailable\"}")));
    tracker.stubFor(get(urlPathEqualTo("/repos/octo/shop/issues")).willReturn(okJson("[]")));
    DevTasks devTasks = devTasks(github(Duration.ofSeconds(2)));
    long jobKey = JOB_KEYS.incrementAndGet();

    assertThatThrownBy(() -> job(jobKey, id, devTasks))
        .isInstanceOf(FixableFailure.class).isNotInstanceOf(ConfigurationFailure.class)
        .hasMessage("GitHub answered 503 to creating an issue for ticket " + id + ": {\"message\":\"unavailable\"}");

    tracker.stubFor(post("/repos/octo/shop/issues").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"number\": 14, \"html_url\": \"https://github.com/octo/shop/issues/14\"}")));
    assertThat(job(jobKey, id, devTasks)).containsEntry("devTaskKey", "octo/shop#14");
    tracker.verify(2, postRequestedFor(urlPathEqualTo("/repos/octo/shop/issues")));
    tracker.verify(1, getRequestedFor(urlPathEqualTo("/repos/octo/shop/issues")));
  }

  @Test
  void aRejectedTokenOrUnknownRepositoryNamesTheSettingToFix() {
    long id = ticket("Checkout fails");
    DevTasks devTasks = devTasks(github(Duration.ofSeconds(2)));
    tracker.stubFor(post("/repos/octo/shop/issues").willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
    assertThatThrownBy(() -> job(JOB_KEYS.incrementAndGet(), id, devTasks))
        .isInstanceOf(ConfigurationFailure.class)
        .hasMessageContaining("GitHub answered 401")
        .satisfies(e -> assertThat(((FixableFailure) e).whatToDo())
            .isEqualTo("set escalation.dev-tasks.github.token (env GITHUB_TOKEN) to a token that may read and write issues of octo/shop"));

    tracker.stubFor(post("/repos/octo/shop/issues").willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));
    tracker.stubFor(get(urlPathEqualTo("/repos/octo/shop/issues")).willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> job(JOB_KEYS.incrementAndGet(), id, devTasks))
        .isInstanceOf(ConfigurationFailure.class)
        .satisfies(e -> assertThat(((FixableFailure) e).whatToDo()).startsWith(
            "check escalation.dev-tasks.github.owner and escalation.dev-tasks.github.repo (now octo/shop)"));
  }

  @Test
  void aTrackerThatDoesNotAnswerInTimeIsATechnicalFailureToRetry() {
    long id = ticket("Checkout fails");
    tracker.stubFor(post("/repos/octo/shop/issues").willReturn(aResponse().withStatus(201).withFixedDelay(1500)));
    assertThatThrownBy(() -> job(JOB_KEYS.incrementAndGet(), id, devTasks(github(Duration.ofMillis(300)))))
        .isInstanceOf(FixableFailure.class).isNotInstanceOf(ConfigurationFailure.class)
        .hasMessageStartingWith("GitHub did not answer creating an issue for ticket " + id);
  }

  @Test
  void missingSettingsAreAConfigurationFailure() {
    long id = ticket("Checkout fails");
    var properties = new DevTaskProperties(Tracker.GITHUB, null, null,
        new DevTaskProperties.Github(URI.create(tracker.baseUrl()), "octo", "shop", null, null, null), null);
    assertThatThrownBy(() -> job(JOB_KEYS.incrementAndGet(), id, devTasks(properties)))
        .isInstanceOf(ConfigurationFailure.class)
        .hasMessage("escalation.dev-tasks.github.token (env GITHUB_TOKEN) is not set but escalation.dev-tasks.tracker needs it");
  }

  @Test
  void jiraIssueIsCreatedWithAnAdfDescriptionAndBasicAuth() {
    long id = ticket("Checkout fails");
    tracker.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\": \"10000\", \"key\": \"SUP-24\", \"self\": \"" + tracker.baseUrl() + "/rest/api/3/issue/10000\"}")));

    Map<String, Object> result = job(JOB_KEYS.incrementAndGet(), id, devTasks(jira()));

    assertThat(result).containsEntry("devTaskKey", "SUP-24");
    String expected = """
        {"fields": {
          "project": {"key": "SUP"},
          "issuetype": {"name": "Bug"},
          "summary": "[Support #%1$d] Checkout fails",
          "labels": ["escalation", "escalation-ticket-%1$d"],
          "description": {"type": "doc", "version": 1, "content": [
            {"type": "paragraph", "content": [
              {"type": "text", "text": "Summary: ", "marks": [{"type": "strong"}]},
              {"type": "text", "text": "Checkout fails"}]},
            {"type": "paragraph", "content": [
              {"type": "text", "text": "Customer impact: ", "marks": [{"type": "strong"}]},
              {"type": "text", "text": "P2 TECHNICAL ticket, VIP customer, annual revenue 250000.00, currently at tier 1 (email)"}]},
            {"type": "paragraph", "content": [
              {"type": "text", "text": "Steps / description (from the customer):", "marks": [{"type": "strong"}]}]},
            {"type": "paragraph", "content": [{"type": "text", "text": "1. Open the cart\\n2. Press Pay"}]},
            {"type": "paragraph", "content": [{"type": "text", "text": "The page shows error 500."}]},
            {"type": "paragraph", "content": [
              {"type": "text", "text": "Support ticket: ", "marks": [{"type": "strong"}]},
              {"type": "text", "text": "https://support.example.test/#/tickets/%1$d",
               "marks": [{"type": "link", "attrs": {"href": "https://support.example.test/#/tickets/%1$d"}}]}]}
          ]}
        }}
        """.formatted(id);
    tracker.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue"))
        .withHeader("Authorization", equalTo("Basic Ym90QGV4YW1wbGUudGVzdDpqaXJhLXRva2Vu")) // bot@example.test:jira-token
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("Accept", equalTo("application/json"))
        .withRequestBody(equalToJson(expected)));
    assertThat(ledger.ofTicket(id)).get().satisfies(t -> {
      assertThat(t.tracker()).isEqualTo(Tracker.JIRA);
      assertThat(t.url()).isEqualTo(tracker.baseUrl() + "/browse/SUP-24");
    });
  }

  @Test
  void aJobThatCrashedAfterJiraAnsweredFindsTheIssueByJql() {
    long id = ticket("Checkout fails");
    tracker.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody("{\"id\": \"10001\", \"key\": \"SUP-25\"}")));
    tracker.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql"))
        .withQueryParam("jql", equalTo("project = \"SUP\" AND labels = \"escalation-ticket-" + id + "\""))
        .willReturn(okJson("{\"issues\": [{\"id\": \"10001\", \"key\": \"SUP-25\"}], \"isLast\": true}")));
    DevTasks devTasks = devTasks(jira());
    long jobKey = JOB_KEYS.incrementAndGet();

    assertThatThrownBy(() -> once.run(jobKey, "create-dev-task", id, () -> {
      devTasks.createFor(id);
      throw new IllegalStateException("crashed after the HTTP call");
    }));
    assertThat(job(jobKey, id, devTasks)).containsEntry("devTaskKey", "SUP-25");

    tracker.verify(1, postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
    tracker.verify(1, getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))
        .withHeader("Authorization", equalTo("Basic Ym90QGV4YW1wbGUudGVzdDpqaXJhLXRva2Vu")));
  }

  @Test
  void theInternalTrackerStoresTheTaskWithoutAnyHttpCall() {
    long id = ticket("Export is empty");
    var properties = new DevTaskProperties(null, URI.create("http://localhost:8080/"), null, null, null);
    DevTasks devTasks = devTasks(properties);
    long jobKey = JOB_KEYS.incrementAndGet();

    Map<String, Object> result = job(jobKey, id, devTasks);
    assertThat(job(jobKey, id, devTasks)).isEqualTo(result);
    assertThat(job(JOB_KEYS.incrementAndGet(), id, devTasks)).as("another job for the same ticket").isEqualTo(result);

    DevTask task = ledger.ofTicket(id).orElseThrow();
    assertThat(result).containsEntry("devTaskKey", "DEV-" + task.id());
    assertThat(task.tracker()).isEqualTo(Tracker.INTERNAL);
    assertThat(task.state()).isEqualTo(DevTaskState.OPEN);
    assertThat(task.url()).isEqualTo("http://localhost:8080/api/dev-tasks/DEV-" + task.id());
    assertThat(task.description()).contains("http://localhost:8080/#/tickets/" + id, "The page shows error 500.");
    assertThat(tracker.getAllServeEvents()).isEmpty();
    assertThat(devTasks.recent()).extracting(DevTask::ticketId).contains(id);
  }

  @Test
  void theTrackerClosingTheTaskIsRecordedOnceAndFixShippedNoticesAreWrittenOnce() {
    long id = ticket("Export is empty");
    roster.save(new RosterMember("ada", "Ada Agent", "ada@example.test", Role.AGENT, 1, null, true, false, null, null));
    Ticket t = tickets.get(id);
    t.assignTo("ada");
    tickets.save(t);
    DevTasks devTasks = devTasks(new DevTaskProperties(null, null, null, null, null));
    String key = (String) job(JOB_KEYS.incrementAndGet(), id, devTasks).get("devTaskKey");
    var tx = new TransactionTemplate(transactions);

    java.util.Optional<DevTask> closed = tx.execute(s -> devTasks.closedByTracker(Tracker.INTERNAL, key, "github"));
    java.util.Optional<DevTask> closedAgain = tx.execute(s -> devTasks.closedByTracker(Tracker.INTERNAL, key, "github"));
    java.util.Optional<DevTask> otherTracker = tx.execute(s -> devTasks.closedByTracker(Tracker.GITHUB, key, "github"));
    assertThat(closed).get().extracting(DevTask::state).isEqualTo(DevTaskState.CLOSED);
    assertThat(closedAgain).as("closed again").isEmpty();
    assertThat(otherTracker).as("other tracker").isEmpty();
    assertThat(audit.timeline(id)).filteredOn(e -> e.type() == AuditEventType.DEV_TASK_CLOSED).hasSize(1);

    tx.executeWithoutResult(s -> fixShipped.send(id));
    tx.executeWithoutResult(s -> fixShipped.send(id));
    var sent = notifications.findAll().stream().filter(n -> Long.valueOf(id).equals(n.ticketId())).toList();
    assertThat(sent).extracting(n -> n.kind()).containsExactlyInAnyOrder(NotificationKind.FIX_SHIPPED, NotificationKind.FIX_SHIPPED_OWNER);
    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.FIX_SHIPPED).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("dana@example.test");
      assertThat(n.subject()).isEqualTo("A fix for your request #" + id + " has shipped");
    });
    assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.FIX_SHIPPED_OWNER).singleElement().satisfies(n -> {
      assertThat(n.recipient()).isEqualTo("ada@example.test");
      assertThat(n.body()).contains(key);
    });
  }
}
