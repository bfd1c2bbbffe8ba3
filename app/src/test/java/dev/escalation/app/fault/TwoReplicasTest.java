package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.testsupport.EmbeddedMailServer.ReceivedMail;
import io.camunda.client.metrics.MetricsRecorder;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app replicas on one engine and one database (issue 10): a breach storm of P1 tickets opened
 * through both escalates every ticket exactly once, every notice leaves the SMTP server's view
 * exactly once, both replicas work jobs and both send from their outbox, and both see the same
 * clock. They start at the same moment, so their database migrations and demo seeding race. Each
 * replica counts the jobs its workers completed (the Camunda client's Micrometer
 * counter; the in-memory engine names every pushed job after the first stream's worker, so the
 * engine's records cannot tell the replicas apart), and signs its mails with a sender name of its own.
 */
class TwoReplicasTest {
  private static final int TICKETS = 20;
  private static final Duration PAST_THE_RESPONSE_SLA = Duration.ofMinutes(16);

  @Test
  void aBreachStormThroughTwoReplicasEscalatesEveryTicketOnceAndSendsEveryNoticeOnce() throws Exception {
    // both start at once: Flyway's migration and the demo seeding race each other as in a rolling start
    CompletableFuture<RunningApp> startingA = CompletableFuture.supplyAsync(() -> replica("a"));
    CompletableFuture<RunningApp> startingB = CompletableFuture.supplyAsync(() -> replica("b"));
    try (RunningApp a = startingA.get(); RunningApp b = startingB.get()) {
      List<TicketApi> apis = List.of(new TicketApi(a.port()), new TicketApi(b.port()));
      Ledger ledger = new Ledger(a.bean(JdbcClient.class));

      // the two migrations that raced each other applied every script once
      assertThat(a.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success GROUP BY script HAVING COUNT(*) > 1")
          .query(Long.class).list()).isEmpty();
      assertThat(a.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success").query(Long.class).single()).isZero();

      // one clock: the embedded runtime's, shared by both replicas
      assertThat(a.bean(Clock.class)).isSameAs(EmbeddedRuntime.clock()).isSameAs(b.bean(Clock.class));

      List<Long> ids = new ArrayList<>();
      Map<Long, Long> ticketByInstance = new HashMap<>();
      for (int i = 0; i < TICKETS; i++) {
        ids.add(apis.get(i % 2).open("P1", i % 2 == 0 ? "BILLING" : "TECHNICAL", "storm-" + i + "@example.com"));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id ->
          "RUNNING".equals(apis.get(0).ticket(id).get("responseClock").asText())
              && ledger.notifications(id, "ACKNOWLEDGEMENT") == 1));
      for (long id : ids) {
        ticketByInstance.put(apis.get(1).ticket(id).get("processInstanceKey").asLong(), id);
      }

      // the storm: one move of the clock, through replica a's dev endpoint
      Duration offsetBefore = EmbeddedRuntime.clock().offset();
      apis.get(0).advanceClock(PAST_THE_RESPONSE_SLA.toString());
      assertThat(EmbeddedRuntime.clock().offset()).isEqualTo(offsetBefore.plus(PAST_THE_RESPONSE_SLA));

      await().atMost(Duration.ofSeconds(90)).until(() -> ids.stream().allMatch(id ->
          ledger.notifications(id, "ESCALATION_NOTICE") == 1 && ledger.notifications(id, "PAGE") == 1
              && ledger.allSent(id)));

      for (long id : ids) {
        assertThat(ledger.escalations(id)).as("escalations of ticket %d", id).isEqualTo(1);
        assertThat(ledger.audits(id, "ESCALATED")).as("ESCALATED of ticket %d", id).isEqualTo(1);
        assertThat(ledger.audits(id, "SLA_BREACHED")).as("SLA_BREACHED of ticket %d", id).isEqualTo(1);
        assertThat(ledger.tier(id)).as("tier of ticket %d", id).isEqualTo(2);
        assertThat(ledger.notifications(id, "SLA_BREACH")).as("breach notices of ticket %d", id).isEqualTo(1);
      }

      // every notice of the storm's tickets arrived exactly once, and each replica sent some of them
      Map<Long, String> notices = a.bean(JdbcClient.class)
          .sql("SELECT id, kind FROM notification WHERE ticket_id IN (:ids)").param("ids", ids)
          .query((row, n) -> Map.entry(row.getLong("id"), row.getString("kind"))).list().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      assertThat(notices.values()).contains("ACKNOWLEDGEMENT", "OWNER_ASSIGNED", "SLA_BREACH", "ESCALATION_NOTICE", "PAGE");
      List<ReceivedMail> mails = EmbeddedRuntime.mail().received().stream()
          .filter(m -> notices.containsKey(notificationId(m)))
          .toList();
      Map<Long, Long> mailsPerNotice = mails.stream()
          .collect(Collectors.groupingBy(TwoReplicasTest::notificationId, Collectors.counting()));
      assertThat(mailsPerNotice.keySet()).containsExactlyInAnyOrderElementsOf(notices.keySet());
      assertThat(mailsPerNotice.values()).allMatch(count -> count == 1);
      Map<String, Long> mailsBySender = mails.stream()
          .collect(Collectors.groupingBy(ReceivedMail::from, Collectors.counting()));
      assertThat(mailsBySender.keySet()).containsExactlyInAnyOrder(sender("a"), sender("b"));

      // both replicas' job workers completed jobs, together as many as the engine saw completed for the storm
      double byA = jobsCompleted(a);
      double byB = jobsCompleted(b);
      assertThat(byA).as("jobs completed by replica a").isPositive();
      assertThat(byB).as("jobs completed by replica b").isPositive();
      assertThat(byA + byB).isGreaterThanOrEqualTo(EngineRecords.completedJobs(ticketByInstance.keySet()).size());
      assertThat(EngineRecords.incidents(ticketByInstance.keySet())).isEmpty();

      // the replica that recorded a breach read the same "now" from its clock as the engine wrote on the breach job
      for (EngineRecords.JobEvent breach : EngineRecords.jobs(ticketByInstance.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.COMPLETED)) {
        long ticket = ticketByInstance.get(breach.value().getProcessInstanceKey());
        assertThat(Duration.between(breachRecordedAt(a.bean(JdbcClient.class), ticket), breach.at()))
            .as("breach of ticket %d: engine clock at completion minus app clock at recording", ticket)
            .isBetween(Duration.ZERO, Duration.ofSeconds(15));
      }

      // leave nothing running for the other fault tests of this JVM
      for (int i = 0; i < ids.size(); i++) {
        apis.get(i % 2).post("/api/tickets/" + ids.get(i) + "/resolution", Map.of("summary", "Done"));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> ledger.audits(id, "RESOLVED") == 1));
    }
  }

  private static RunningApp replica(String name) {
    return RunningApp.start(List.of(), "escalation.outbox.from-name=Support replica " + name);
  }

  /** The Camunda client's own count of the jobs this replica's workers completed. */
  private static double jobsCompleted(RunningApp replica) {
    return replica.bean(MeterRegistry.class).find(MetricsRecorder.METRIC_NAME_JOB)
        .tag("action", MetricsRecorder.ACTION_COMPLETED).counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  private static String sender(String replica) {
    return "Support replica " + replica + " <support@escalation.local>";
  }

  /** The notification id in the Message-ID the e-mail channel sets: {@code <notification-ID.HASH@DOMAIN>}. */
  private static long notificationId(ReceivedMail mail) {
    String id = mail.messageId();
    if (id == null || !id.startsWith("<notification-")) {
      return -1;
    }
    return Long.parseLong(id.substring("<notification-".length(), id.indexOf('.')));
  }

  private static Instant breachRecordedAt(JdbcClient jdbc, long ticketId) {
    return jdbc.sql("SELECT at FROM audit_event WHERE ticket_id = ? AND type = 'SLA_BREACHED'").param(ticketId)
        .query((row, n) -> row.getTimestamp("at").toInstant()).single();
  }
}
