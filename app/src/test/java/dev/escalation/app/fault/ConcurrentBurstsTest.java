package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same action on one ticket, sent in a pair and in a burst of 20 at the same moment: each
 * action has exactly one effect (ledger rows, tier, notifications, mails). The first request wins;
 * the others get a 409 problem, because the state no longer allows the action, an earlier one is
 * still in flight, or the optimistic lock saw the concurrent change; never a 500. Attempts and
 * customer replies may be accepted more than once (each is a fact of its own): then each accepted
 * one has exactly one effect and the ticket moves once.
 */
@FaultAppTest
class ConcurrentBurstsTest {
  private static final Map<String, Object> ESCALATE = Map.of("type", "FUNCTIONAL", "summary", "Checkout broken",
      "attempted", "Cleared the cache", "need", "A billing specialist", "overrideReason", "Revenue-critical outage");
  private static final Map<String, Object> RESOLVE = Map.of("summary", "Restarted the payment gateway");
  private static final Map<String, Object> ASK = Map.of("question", "Which card did you use?");
  private static final Map<String, Object> ATTEMPT = Map.of("note", "Cleared the cache");
  private static final Map<String, Object> REPLY = Map.of("message", "The Visa ending 4242");
  private static final Map<String, Object> REOPEN = Map.of("reason", "Still failing");

  private static ExecutorService agents;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void startAgents() {
    agents = Executors.newFixedThreadPool(20);
  }

  @AfterAll
  static void stopAgents() {
    agents.shutdownNow();
  }

  @ParameterizedTest(name = "{0} at once")
  @ValueSource(ints = {2, 20})
  void escalationsAtOnceEscalateOneTierOnceAndTellTheCustomerOnce(int burst) throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    String customer = "burst-escalate-" + burst + "@example.com";
    long id = openAndAwaitOwner(api, customer);

    List<TicketApi.Response> responses = atOnce(burst, () -> api.post("/api/tickets/" + id + "/escalations", ESCALATE));

    assertOneWinner(responses);
    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.notifications(id, "ESCALATION_NOTICE") == 1 && ledger.allSent(id)
        && "RUNNING".equals(api.ticket(id).get("responseClock").asText()));
    settle(id);
    assertThat(ledger.tier(id)).isEqualTo(2);
    assertThat(ledger.escalations(id)).isEqualTo(1);
    assertThat(ledger.handoffNotes(id)).isEqualTo(1);
    assertThat(ledger.audits(id, "ESCALATED")).isEqualTo(1);
    assertThat(ledger.audits(id, "RULE_OVERRIDDEN")).isEqualTo(1);
    assertThat(ledger.audits(id, "OWNER_ACTION_IGNORED")).isZero();
    assertThat(ledger.notifications(id, "ESCALATION_NOTICE")).isEqualTo(1);
    assertThat(mailsTo(customer)).isEqualTo(2); // acknowledgement and escalation notice
    assertThat(inFlight(id)).isNull();
  }

  @ParameterizedTest(name = "{0} at once")
  @ValueSource(ints = {2, 20})
  void resolutionsAtOnceResolveOnceAndTellTheCustomerOnce(int burst) throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    String customer = "burst-resolve-" + burst + "@example.com";
    long id = openAndAwaitOwner(api, customer);

    assertOneWinner(atOnce(burst, () -> api.post("/api/tickets/" + id + "/resolution", RESOLVE)));

    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.notifications(id, "RESOLUTION") == 1 && ledger.allSent(id));
    settle(id);
    assertThat(ledger.status(id)).isEqualTo("RESOLVED");
    assertThat(ledger.audits(id, "RESOLVED")).isEqualTo(1);
    assertThat(ledger.messages(id)).isEqualTo(1);
    assertThat(ledger.escalations(id)).isZero();
    assertThat(mailsTo(customer)).isEqualTo(2); // acknowledgement and resolution
    assertThat(inFlight(id)).isNull();
  }

  @ParameterizedTest(name = "{0} at once")
  @ValueSource(ints = {2, 20})
  void questionsAtOnceAskTheCustomerOnceAndPauseTheClocksOnce(int burst) throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    String customer = "burst-ask-" + burst + "@example.com";
    long id = openAndAwaitOwner(api, customer);

    assertOneWinner(atOnce(burst, () -> api.post("/api/tickets/" + id + "/waiting-on-customer", ASK)));

    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.notifications(id, "WAITING") == 1 && ledger.allSent(id));
    settle(id);
    assertThat(ledger.status(id)).isEqualTo("WAITING_ON_CUSTOMER");
    assertThat(ledger.audits(id, "WAITING_ON_CUSTOMER")).isEqualTo(1);
    assertThat(ledger.messages(id)).isEqualTo(1);
    assertThat(mailsTo(customer)).isEqualTo(2); // acknowledgement and the question
    assertThat(inFlight(id)).isNull();
  }

  @ParameterizedTest(name = "{0} at once")
  @ValueSource(ints = {2, 20})
  void attemptsAtOnceRecordEachAcceptedAttemptOnce(int burst) throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    long id = openAndAwaitOwner(api, "burst-attempt-" + burst + "@example.com");

    List<TicketApi.Response> responses = atOnce(burst, () -> api.post("/api/tickets/" + id + "/attempts", ATTEMPT));

    long accepted = assertAcceptedOrConflict(responses);
    assertThat(accepted).isBetween(1L, (long) burst);
    settle(id);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM resolution_attempt WHERE ticket_id = ?").param(id).query(Long.class).single())
        .isEqualTo(accepted);
    assertThat(ledger.audits(id, "ATTEMPT_RECORDED")).isEqualTo(accepted);
    assertThat(ledger.audits(id, "OWNER_ACTION_IGNORED")).isZero();
    assertThat(ledger.status(id)).isEqualTo("OPEN");
    assertThat(api.ticket(id).get("responseClock").asText()).isEqualTo("MET");
  }

  @ParameterizedTest(name = "{0} at once")
  @ValueSource(ints = {2, 20})
  void customerRepliesAtOnceResumeTheClocksOnce(int burst) throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    String customer = "burst-reply-" + burst + "@example.com";
    long id = openAndAwaitOwner(api, customer);
    assertThat(api.post("/api/tickets/" + id + "/waiting-on-customer", ASK).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> "PAUSED".equals(api.ticket(id).get("responseClock").asText()));

    List<TicketApi.Response> responses = atOnce(burst, () -> api.post("/api/tickets/" + id + "/customer-replies", REPLY));

    long accepted = assertAcceptedOrConflict(responses);
    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.audits(id, "SLA_CLOCKS_RESUMED") == 1);
    settle(id);
    assertThat(ledger.audits(id, "SLA_CLOCKS_RESUMED")).isEqualTo(1);
    assertThat(ledger.audits(id, "CUSTOMER_REPLIED")).isEqualTo(accepted);
    assertThat(ledger.messages(id)).isEqualTo(1 + accepted); // the question and each accepted reply
    assertThat(ledger.status(id)).isEqualTo("OPEN");
    assertThat(api.ticket(id).get("responseClock").asText()).isEqualTo("RUNNING");
    assertThat(inFlight(id)).isNull();

    // a later question pauses again and stays paused: no reply of the burst resumes it
    assertThat(api.post("/api/tickets/" + id + "/waiting-on-customer", ASK).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.audits(id, "WAITING_ON_CUSTOMER") == 2);
    settle(id);
    assertThat(ledger.status(id)).isEqualTo("WAITING_ON_CUSTOMER");
    assertThat(ledger.audits(id, "SLA_CLOCKS_RESUMED")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} at once")
  @ValueSource(ints = {2, 20})
  void reopeningsAtOnceReopenOnce(int burst) throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    long id = openAndAwaitOwner(api, "burst-reopen-" + burst + "@example.com");
    assertThat(api.post("/api/tickets/" + id + "/resolution", RESOLVE).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.audits(id, "RESOLVED") == 1 && inFlight(id) == null);

    assertOneWinner(atOnce(burst, () -> api.post("/api/tickets/" + id + "/reopen", REOPEN)));

    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.audits(id, "SLA_CLOCKS_STARTED") == 2 && inFlight(id) == null);
    settle(id);
    assertThat(ledger.audits(id, "REOPENED")).isEqualTo(1);
    assertThat(ledger.status(id)).isEqualTo("OPEN");
    assertThat(jdbc.sql("SELECT reescalation_count FROM ticket WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT handoff FROM ticket WHERE id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} at once")
  @ValueSource(ints = {2, 20})
  void refundRequestsAtOnceRefundOnce(int burst) throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    String customer = "burst-refund-" + burst + "@example.com";
    long id = openAndAwaitOwner(api, customer);
    Map<String, Object> refund = Map.of("amount", new java.math.BigDecimal("40.00"), "currency", "EUR",
        "reason", "Charged twice", "paymentIntent", "pi_demo_123");

    List<TicketApi.Response> responses = atOnce(burst, () -> api.post("/api/tickets/" + id + "/refund-requests", refund));

    assertOneWinner(responses);
    await().atMost(Duration.ofSeconds(60)).until(() -> ledger.audits(id, "REFUND_ISSUED") == 1
        && ledger.notifications(id, "REFUND_OUTCOME") == 1 && ledger.allSent(id));
    settle(id);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM refund_request WHERE ticket_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    assertThat(ledger.audits(id, "REFUND_ISSUED")).isEqualTo(1);
    assertThat(ledger.notifications(id, "REFUND_OUTCOME")).isEqualTo(1);
    assertThat(mailsTo(customer)).isEqualTo(2); // acknowledgement and the refund outcome
  }

  // ---------------------------------------------------------------------------------------------

  private long openAndAwaitOwner(TicketApi api, String customer) {
    long id = api.open("P2", "BILLING", customer);
    await().atMost(Duration.ofSeconds(60)).until(() -> "RUNNING".equals(api.ticket(id).get("responseClock").asText())
        && api.notifications(id, "ACKNOWLEDGEMENT").size() == 1);
    return id;
  }

  private static List<TicketApi.Response> atOnce(int burst, java.util.concurrent.Callable<TicketApi.Response> request)
      throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<TicketApi.Response>> sent = new ArrayList<>();
    for (int i = 0; i < burst; i++) {
      sent.add(agents.submit(() -> {
        go.await();
        return request.call();
      }));
    }
    go.countDown();
    List<TicketApi.Response> responses = new ArrayList<>();
    for (Future<TicketApi.Response> response : sent) {
      responses.add(response.get(60, TimeUnit.SECONDS));
    }
    return responses;
  }

  private static void assertOneWinner(List<TicketApi.Response> responses, String... moreConflictTitles) {
    assertThat(assertAcceptedOrConflict(responses, moreConflictTitles)).as("accepted of %s", responses).isEqualTo(1);
  }

  /** Every response is a 202 or a 409 problem; returns how many were accepted. */
  private static long assertAcceptedOrConflict(List<TicketApi.Response> responses, String... moreConflictTitles) {
    List<String> titles = new ArrayList<>(List.of("Action not allowed in this state", "Concurrent change"));
    titles.addAll(List.of(moreConflictTitles));
    for (TicketApi.Response r : responses) {
      assertThat(r.status()).as("%s", r).isIn(202, 409);
      if (r.status() == 409) {
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body().get("title").asText()).as("%s", r).isIn(titles);
        assertThat(r.body().get("detail").asText()).isNotBlank();
      }
    }
    return responses.stream().filter(r -> r.status() == 202).count();
  }

  private String inFlight(long id) {
    return jdbc.sql("SELECT action_in_flight FROM ticket WHERE id = ?").param(id).query(String.class).optional().orElse(null);
  }

  /**
   * Buffered messages of refused or late requests would act within seconds: wait until nothing
   * more happens on the ticket (its timeline and notifications stay the same for 3 s).
   */
  private void settle(long id) {
    AtomicLong seen = new AtomicLong(-1);
    await().pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60)).until(() -> {
      long now = jdbc.sql("SELECT (SELECT COUNT(*) FROM audit_event WHERE ticket_id = ?) + (SELECT COUNT(*) FROM notification WHERE ticket_id = ?)")
          .params(id, id).query(Long.class).single();
      return seen.getAndSet(now) == now;
    });
  }

  private static long mailsTo(String address) {
    return EmbeddedRuntime.mail().received().stream().filter(m -> m.to().contains(address)).count();
  }
}
