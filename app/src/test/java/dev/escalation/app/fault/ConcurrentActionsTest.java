package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.TicketApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two agents act on the same ticket at the same moment: exactly one of them wins (202), the other
 * gets a 409 problem (the state no longer allows it, or the optimistic lock saw the concurrent
 * change), never a 500, and the ledger holds only what the winner did.
 */
@FaultAppTest
class ConcurrentActionsTest {
  private static final int ROUNDS = 20;
  private static final Map<String, Object> RESOLVE = Map.of("summary", "Restarted the payment gateway");
  private static final Map<String, Object> ESCALATE = Map.of("type", "FUNCTIONAL", "summary", "Checkout broken",
      "attempted", "Cleared the cache", "need", "A billing specialist", "overrideReason", "Revenue-critical outage");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  enum Race { RESOLVE_VS_ESCALATE, RESOLVE_VS_RESOLVE }

  record Outcome(Race race, long ticketId, TicketApi.Response first, TicketApi.Response second) {
    TicketApi.Response winner() {
      return first.status() == 202 ? first : second;
    }

    String winningAction() {
      return race == Race.RESOLVE_VS_RESOLVE || first.status() == 202 ? "RESOLVE" : "ESCALATE";
    }
  }

  @Test
  void twoAgentsActingOnTheSameTicketAtOnceGetOneWinnerAndOneConflictNeverAServerError() throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      ids.add(api.open("P2", "BILLING", "race-" + i + "@example.com"));
    }
    // the process waits for the owner (no worker touches the ticket any more) before the agents act
    await().atMost(Duration.ofSeconds(40)).until(() -> ids.stream().allMatch(id ->
        "RUNNING".equals(api.ticket(id).get("responseClock").asText())
            && api.notifications(id, "ACKNOWLEDGEMENT").size() == 1));

    List<Outcome> outcomes = new ArrayList<>();
    ExecutorService agents = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < ROUNDS; i++) {
        long id = ids.get(i);
        Race race = i % 2 == 0 ? Race.RESOLVE_VS_ESCALATE : Race.RESOLVE_VS_RESOLVE;
        String path = "/api/tickets/" + id;
        CountDownLatch go = new CountDownLatch(1);
        Future<TicketApi.Response> first = agents.submit(() -> {
          go.await();
          return api.post(path + "/resolution", RESOLVE);
        });
        Future<TicketApi.Response> second = agents.submit(() -> {
          go.await();
          return race == Race.RESOLVE_VS_ESCALATE ? api.post(path + "/escalations", ESCALATE) : api.post(path + "/resolution", RESOLVE);
        });
        go.countDown();
        outcomes.add(new Outcome(race, id, first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)));
      }
    } finally {
      agents.shutdownNow();
    }

    for (Outcome o : outcomes) {
      List<TicketApi.Response> both = List.of(o.first(), o.second());
      assertThat(both).as("ticket %d (%s): %s", o.ticketId(), o.race(), both)
          .extracting(TicketApi.Response::status).containsExactlyInAnyOrder(202, 409);
      TicketApi.Response loser = o.first().status() == 409 ? o.first() : o.second();
      assertThat(loser.contentType()).startsWith("application/problem+json");
      assertThat(loser.body().get("detail").asText()).isNotBlank();
      assertThat(loser.body().get("title").asText()).isIn("Action not allowed in this state", "Concurrent change");
    }

    // the ledger holds exactly what the winner did, once the process has carried it out
    await().atMost(Duration.ofSeconds(40)).until(() -> outcomes.stream().allMatch(o ->
        o.winningAction().equals("RESOLVE") ? ledger.audits(o.ticketId(), "RESOLVED") == 1 : ledger.escalations(o.ticketId()) == 1
            && ledger.notifications(o.ticketId(), "ESCALATION_NOTICE") == 1));
    for (Outcome o : outcomes) {
      long id = o.ticketId();
      if (o.winningAction().equals("RESOLVE")) {
        assertThat(ledger.status(id)).as("ticket %d", id).isEqualTo("RESOLVED");
        assertThat(ledger.messages(id)).as("resolution messages of ticket %d", id).isEqualTo(1);
        assertThat(ledger.audits(id, "RESOLVED")).as("RESOLVED of ticket %d", id).isEqualTo(1);
        assertThat(ledger.handoffNotes(id)).as("handoff notes of ticket %d", id).isZero();
        assertThat(ledger.escalations(id)).as("escalations of ticket %d", id).isZero();
        assertThat(ledger.audits(id, "RULE_OVERRIDDEN")).isZero();
      } else {
        assertThat(ledger.status(id)).as("ticket %d", id).isEqualTo("OPEN");
        assertThat(ledger.tier(id)).as("tier of ticket %d", id).isEqualTo(2);
        assertThat(ledger.messages(id)).as("messages of ticket %d", id).isZero();
        assertThat(ledger.audits(id, "RESOLVED")).isZero();
        assertThat(ledger.handoffNotes(id)).as("handoff notes of ticket %d", id).isEqualTo(1);
        assertThat(ledger.escalations(id)).as("escalations of ticket %d", id).isEqualTo(1);
        assertThat(ledger.audits(id, "RULE_OVERRIDDEN")).isEqualTo(1);
      }
      assertThat(o.winner().body().get("ticket") != null ? o.winner().body().get("ticket").get("id").asLong()
          : o.winner().body().get("id").asLong()).isEqualTo(id);
    }
  }
}
