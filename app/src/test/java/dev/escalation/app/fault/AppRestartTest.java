package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.CrashOnFirstDelivery;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.processes.TicketEscalation.JobTypes;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app goes down and comes back on the same engine and database (a redeploy): SLA timers that
 * fired while it was down, and breach jobs it had taken but not finished when it stopped, are
 * handled by the new app, and every ticket escalates exactly once.
 */
class AppRestartTest {
  private static final int IN_FLIGHT = 4;
  private static final int WHILE_DOWN = 3;

  @Test
  void ticketsBreachingWhileTheAppIsDownOrWhileItStopsEscalateExactlyOnceAfterARestart() throws Exception {
    List<Long> inFlight = new ArrayList<>();
    List<Long> whileDown = new ArrayList<>();
    Map<Long, Long> instances = new HashMap<>();

    // 1. The old app: its breach worker takes the jobs and never finishes them (half of them after their effects).
    try (RunningApp old = RunningApp.start(List.of(StalledBreachWorker.class),
        "camunda.client.worker.override.record-sla-breach.enabled=false")) {
      assertThat(old.port()).isNotEqualTo(8080); // a random port, whatever else runs on this machine
      TicketApi api = new TicketApi(old.port());
      for (int i = 0; i < IN_FLIGHT; i++) {
        long id = api.open("P1", "BILLING", "in-flight-" + i + "@example.com");
        inFlight.add(id);
        if (i % 2 == 0) {
          StalledBreachWorker.CRASH_AFTER_EFFECTS.add(id);
        }
      }
      awaitClocksRunning(api, inFlight);
      api.advanceClock("PT16M"); // the breach timers of the in-flight tickets fire; the old app takes the jobs
      await().atMost(Duration.ofSeconds(30)).until(() -> StalledBreachWorker.TAKEN.keySet().containsAll(inFlight)
          && StalledBreachWorker.EFFECTS_COMMITTED.containsAll(StalledBreachWorker.CRASH_AFTER_EFFECTS));

      for (int i = 0; i < WHILE_DOWN; i++) {
        whileDown.add(api.open("P1", "TECHNICAL", "while-down-" + i + "@example.com"));
      }
      awaitClocksRunning(api, whileDown);
      for (long id : concat(inFlight, whileDown)) {
        instances.put(api.ticket(id).get("processInstanceKey").asLong(), id);
      }
      Ledger ledger = new Ledger(old.bean(JdbcClient.class));
      for (long id : inFlight) {
        assertThat(ledger.audits(id, "SLA_BREACHED")).isEqualTo(StalledBreachWorker.CRASH_AFTER_EFFECTS.contains(id) ? 1 : 0);
        assertThat(ledger.escalations(id)).isZero();
      }
    } // the old app stops holding the in-flight jobs

    // 2. While nothing runs: 16 minutes pass on the engine's clock (and the app's), as the dev clock endpoint does it.
    Duration down = Duration.ofMinutes(16); // > the stalled jobs' timeout, and the new tickets' response SLA
    EmbeddedRuntime.clock().advance(down);
    EmbeddedRuntime.engine().increaseTime(down);
    assertThat(EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.COMPLETED)).isEmpty();

    // 3. The new app picks up the timed-out jobs and the ones created while it was down.
    try (RunningApp app = RunningApp.start(List.of())) {
      assertThat(app.hasBean(StalledBreachWorker.class)).isFalse();
      assertThat(app.hasBean(CrashOnFirstDelivery.class)).isFalse(); // test-only beans stay out of the scan
      TicketApi api = new TicketApi(app.port());
      Ledger ledger = new Ledger(app.bean(JdbcClient.class));
      List<Long> all = concat(inFlight, whileDown);
      await().atMost(Duration.ofSeconds(40)).until(() -> all.stream().allMatch(id ->
          ledger.notifications(id, "ESCALATION_NOTICE") >= 1 && ledger.notifications(id, "PAGE") >= 1));

      for (long id : all) {
        assertThat(ledger.escalations(id)).as("escalations of ticket %d", id).isEqualTo(1);
        assertThat(ledger.handoffNotes(id)).as("handoff notes of ticket %d", id).isEqualTo(1);
        assertThat(ledger.notifications(id, "ESCALATION_NOTICE")).as("escalation notices of ticket %d", id).isEqualTo(1);
        assertThat(ledger.notifications(id, "PAGE")).as("pages for ticket %d", id).isEqualTo(1);
        assertThat(ledger.notifications(id, "SLA_BREACH")).as("breach mails for ticket %d", id).isEqualTo(1);
        assertThat(ledger.audits(id, "SLA_BREACHED")).as("SLA_BREACHED of ticket %d", id).isEqualTo(1);
        assertThat(ledger.audits(id, "ESCALATED")).as("ESCALATED of ticket %d", id).isEqualTo(1);
        assertThat(api.ticket(id).get("tier").asInt()).isEqualTo(2);
        assertThat(api.ticket(id).get("escalationCount").asInt()).isEqualTo(1);
      }
      // the in-flight jobs timed out and were completed by the new app under the same job keys
      List<Long> timedOut = EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.TIMED_OUT).stream()
          .map(EngineRecords.JobEvent::key).distinct().toList();
      assertThat(timedOut).containsExactlyInAnyOrderElementsOf(inFlight.stream().map(StalledBreachWorker.TAKEN::get).toList());
      assertThat(EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.COMPLETED))
          .extracting(EngineRecords.JobEvent::key).containsAll(timedOut);
      assertThat(EngineRecords.incidents(instances.keySet())).isEmpty();

      // leave nothing running for the other fault tests of this JVM
      for (long id : all) {
        api.post("/api/tickets/" + id + "/resolution", Map.of("summary", "Done"));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(id -> ledger.audits(id, "RESOLVED") == 1));
    }
  }

  private static void awaitClocksRunning(TicketApi api, List<Long> ids) {
    await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id ->
        "RUNNING".equals(api.ticket(id).get("responseClock").asText())
            && api.notifications(id, "ACKNOWLEDGEMENT").size() == 1));
  }

  private static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
