package dev.escalation.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.TicketApi;
import dev.escalation.processes.TicketEscalation.JobTypes;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The database goes away while SLA timers fire: the breach jobs fail and are retried with backoff
 * (no incident while retries remain), and once the database is back every ticket escalates exactly
 * once. Runs in the fault tests' JVM (fault-tests execution), not the end-to-end tests': it stops
 * this JVM's MariaDB.
 */
@FaultAppTest
@Import(DatabaseGate.class)
@TestPropertySource(properties = {
    // a worker that finds the database down fails after 1 s instead of HikariCP's default 30 s
    "spring.datasource.hikari.connection-timeout=1000",
    "spring.datasource.hikari.validation-timeout=500"
})
class DatabaseOutageTest {
  private static final int TICKETS = 3;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void breachJobsRetryWithBackoffThroughADatabaseOutageAndEveryTicketEscalatesExactlyOnce() throws Exception {
    TicketApi api = new TicketApi(port);
    Ledger ledger = new Ledger(jdbc);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < TICKETS; i++) {
      ids.add(api.open("P1", "BILLING", "outage-" + i + "@example.com"));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id ->
        "RUNNING".equals(api.ticket(id).get("responseClock").asText())
            && api.notifications(id, "ACKNOWLEDGEMENT").size() == 1 && ledger.allSent(id)));
    Map<Long, Long> instances = ids.stream().collect(Collectors.toMap(id -> api.ticket(id).get("processInstanceKey").asLong(), id -> id));

    try {
      MariaDbOutage.stop();
      api.advanceClock("PT16M"); // the engine's clock only: the breach timers fire, the breach jobs find no database

      // every breach job failed at least once, with a backoff and retries left, and no incident yet
      await().atMost(Duration.ofSeconds(40)).until(() -> failedInstances(instances.keySet()).containsAll(instances.keySet()));
      List<EngineRecords.JobEvent> failures = EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.FAILED);
      assertThat(failures).allSatisfy(f -> {
        assertThat(f.value().getRetryBackoff()).isPositive();
        assertThat(f.value().getRetries()).isPositive();
        assertThat(f.value().getErrorMessage())
            .startsWith("record-sla-breach failed for ticket " + instances.get(f.value().getProcessInstanceKey()) + ":");
      });
      assertThat(failures).anySatisfy(f -> assertThat(f.value().getRetryBackoff()).isEqualTo(2_000L));
      assertThat(EngineRecords.incidents(instances.keySet())).isEmpty();

      // the restart takes as long as the machine's load makes it: meanwhile the app's database accesses wait
      DatabaseGate.close();
    } finally {
      MariaDbOutage.startAgain();
      try {
        // HikariCP replaces the dead connections on the next borrow; wait until the pool hands out a live one
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
          try (var connection = DatabaseGate.poolConnection()) {
            return connection.isValid(5);
          }
        });
      } finally {
        DatabaseGate.open();
      }
    }
    int failuresDuringTheOutage = EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.FAILED).size();

    assertThat(api.get("/api/tickets/" + ids.get(0)).status()).isEqualTo(200);
    api.advanceClock("PT1M"); // past every backoff (2 s, 4 s, 8 s ...), well before the tier 2 clocks

    await().atMost(Duration.ofSeconds(40)).until(() -> ids.stream().allMatch(id ->
        ledger.notifications(id, "ESCALATION_NOTICE") >= 1 && ledger.notifications(id, "PAGE") >= 1));
    // the retried jobs are the ones that completed: same job keys as the failures
    assertThat(EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.COMPLETED))
        .extracting(EngineRecords.JobEvent::key)
        .containsAll(EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.FAILED).stream()
            .map(EngineRecords.JobEvent::key).distinct().toList());
    for (long id : ids) {
      assertThat(ledger.escalations(id)).as("escalations of ticket %d", id).isEqualTo(1);
      assertThat(ledger.notifications(id, "ESCALATION_NOTICE")).as("escalation notices of ticket %d", id).isEqualTo(1);
      assertThat(ledger.notifications(id, "PAGE")).as("pages for ticket %d", id).isEqualTo(1);
      assertThat(ledger.audits(id, "SLA_BREACHED")).as("SLA_BREACHED of ticket %d", id).isEqualTo(1);
      assertThat(ledger.tier(id)).isEqualTo(2);
    }
    assertThat(EngineRecords.incidents(instances.keySet())).isEmpty();
    // each breach job failed fewer than 5 times: it still had retries when the database came back
    assertThat(EngineRecords.jobs(instances.keySet(), JobTypes.RECORD_SLA_BREACH, JobIntent.FAILED))
        .hasSizeGreaterThanOrEqualTo(TICKETS).hasSizeLessThanOrEqualTo(failuresDuringTheOutage + TICKETS)
        .allSatisfy(f -> assertThat(f.value().getRetries()).isPositive());

    // leave nothing running for the other fault tests of this JVM
    for (long id : ids) {
      assertThat(api.post("/api/tickets/" + id + "/resolution", Map.of("summary", "Done")).status()).isEqualTo(202);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> ledger.audits(id, "RESOLVED") == 1));
  }

  private static List<Long> failedInstances(Set<Long> instances) {
    return EngineRecords.jobs(instances, JobTypes.RECORD_SLA_BREACH, JobIntent.FAILED).stream()
        .map(f -> f.value().getProcessInstanceKey()).distinct().toList();
  }
}
