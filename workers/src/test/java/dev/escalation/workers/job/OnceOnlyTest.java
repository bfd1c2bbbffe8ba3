package dev.escalation.workers.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.Tickets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@LedgerTest
class OnceOnlyTest {
  @Autowired OnceOnly once;
  @Autowired AuditTrail audit;
  @Autowired JdbcClient jdbc;
  @Autowired Tickets tickets;
  @Autowired TicketRowLock ticketLock;
  @Autowired TransactionTemplate transactions;

  @Test
  void aRedeliveredJobGetsTheRecordedResultAndWritesNothingAgain() {
    AtomicInteger runs = new AtomicInteger();
    var first = once.run(1001L, "assign-owner", 501L, () -> {
      runs.incrementAndGet();
      audit.record(501L, AuditEventType.OWNER_ASSIGNED, AuditTrail.SYSTEM, "assigned");
      return Map.of("tier", 2);
    });
    var redelivered = once.run(1001L, "assign-owner", 501L, () -> {
      runs.incrementAndGet();
      audit.record(501L, AuditEventType.OWNER_ASSIGNED, AuditTrail.SYSTEM, "assigned again");
      return Map.of("tier", 3);
    });

    assertThat(runs).hasValue(1);
    assertThat(redelivered).isEqualTo(first).containsEntry("tier", 2);
    assertThat(audit.timeline(501L)).hasSize(1);
    assertThat(once.wasProcessed(1001L)).isTrue();
  }

  @Test
  void aFailedAttemptLeavesNoTraceSoTheRetryActs() {
    assertThatThrownBy(() -> once.run(1002L, "escalate-ticket", 502L, () -> {
      audit.record(502L, AuditEventType.ESCALATED, AuditTrail.SYSTEM, "half done");
      throw new IllegalStateException("database went away");
    })).hasMessage("database went away");
    assertThat(audit.timeline(502L)).isEmpty();
    assertThat(once.wasProcessed(1002L)).isFalse();

    once.run(1002L, "escalate-ticket", 502L, () -> {
      audit.record(502L, AuditEventType.ESCALATED, AuditTrail.SYSTEM, "done");
      return Map.of();
    });
    assertThat(audit.timeline(502L)).singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("done"));
  }

  @Test
  void twoDeliveriesRacingEachOtherCommitOnce() throws Exception {
    CountDownLatch bothInside = new CountDownLatch(2);
    var pool = Executors.newFixedThreadPool(2);
    try {
      Future<Map<String, Object>> a = pool.submit(() -> racer(bothInside, "a"));
      Future<Map<String, Object>> b = pool.submit(() -> racer(bothInside, "b"));
      var resultA = a.get();
      var resultB = b.get();
      assertThat(resultA).isEqualTo(resultB);
      assertThat(audit.timeline(503L)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, Object> racer(CountDownLatch bothInside, String name) {
    return once.run(1003L, "notify-sla-warning", 503L, () -> {
      audit.record(503L, AuditEventType.SLA_WARNING, AuditTrail.SYSTEM, name);
      bothInside.countDown();
      try {
        bothInside.await(2, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Map.of("by", name);
    });
  }

  @Test
  void twoJobsThatDeadlockBothCommitBecauseTheLoserRunsAgain() throws Exception {
    jdbc.sql("INSERT INTO roster_member (username, display_name, email, role, tier, available) VALUES"
        + " ('lockA', 'A', 'a@support.local', 'AGENT', 1, FALSE), ('lockB', 'B', 'b@support.local', 'AGENT', 1, FALSE)").update();
    CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
    AtomicInteger runs = new AtomicInteger();
    var pool = Executors.newFixedThreadPool(2);
    try {
      Future<Map<String, Object>> ab = pool.submit(() -> lockInOrder(1004L, "lockA", "lockB", bothHoldTheirFirstLock, runs));
      Future<Map<String, Object>> ba = pool.submit(() -> lockInOrder(1005L, "lockB", "lockA", bothHoldTheirFirstLock, runs));
      assertThat(ab.get(30, TimeUnit.SECONDS)).containsEntry("first", "lockA");
      assertThat(ba.get(30, TimeUnit.SECONDS)).containsEntry("first", "lockB");
    } finally {
      pool.shutdownNow();
    }
    assertThat(runs).as("MariaDB chose a deadlock victim, which ran again").hasValueGreaterThanOrEqualTo(3);
    assertThat(once.wasProcessed(1004L)).isTrue();
    assertThat(once.wasProcessed(1005L)).isTrue();
    assertThat(jdbc.sql("SELECT SUM(version) FROM roster_member WHERE username IN ('lockA', 'lockB')").query(Integer.class).single())
        .as("each job's two updates committed exactly once").isEqualTo(4);
  }

  private Map<String, Object> lockInOrder(long jobKey, String first, String second, CountDownLatch bothHoldTheirFirstLock,
      AtomicInteger runs) {
    return once.run(jobKey, "assign-owner", null, () -> {
      runs.incrementAndGet();
      jdbc.sql("UPDATE roster_member SET version = version + 1 WHERE username = ?").param(first).update();
      bothHoldTheirFirstLock.countDown();
      try {
        bothHoldTheirFirstLock.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      jdbc.sql("UPDATE roster_member SET version = version + 1 WHERE username = ?").param(second).update();
      return Map.of("first", first);
    });
  }

  /**
   * The app starts a ticket's process inside the transaction that inserts the ticket; the engine can
   * hand the first job to a worker before that commits. The job waits for the commit and finds the ticket.
   */
  @Test
  void aJobWaitsForTheUncommittedCommandOnItsTicketAndThenSeesIt() throws Exception {
    CountDownLatch commandMayCommit = new CountDownLatch(1);
    var inserted = new java.util.concurrent.CompletableFuture<Long>();
    var pool = Executors.newFixedThreadPool(2);
    try {
      Future<Long> command = pool.submit(() -> transactions.execute(status -> {
        Ticket ticket = tickets.save(Ticket.open(new Customer("Ines", "ines@example.com", "en", false, null), "email",
            "Login fails", "d", Priority.P2, Category.TECHNICAL, 3, Instant.parse("2026-11-27T09:00:00Z")));
        ticketLock.holdUntilCommit(ticket.id()); // what ProcessGateway does before it calls the engine
        inserted.complete(ticket.id());
        await(commandMayCommit);
        return ticket.id();
      }));
      long ticketId = inserted.get(10, TimeUnit.SECONDS);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE id = ?").param(ticketId).query(Integer.class).single())
          .as("not visible outside the command's transaction yet").isZero();
      Future<Map<String, Object>> job = pool.submit(() -> once.run(1006L, "triage", ticketId,
          () -> Map.of("subject", tickets.get(ticketId).subject())));

      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.sql(
          "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'").query(Integer.class).single() == 1);
      assertThat(job).as("the job waits while the command is uncommitted").isNotDone();

      commandMayCommit.countDown();
      assertThat(command.get(10, TimeUnit.SECONDS)).isEqualTo(ticketId);
      assertThat(job.get(10, TimeUnit.SECONDS)).containsEntry("subject", "Login fails");
    } finally {
      commandMayCommit.countDown();
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onlyLostConcurrencyRacesRunAgain() {
    assertThat(OnceOnly.lostAConcurrencyRace(new RuntimeException("wrapped",
        new org.springframework.dao.CannotAcquireLockException("Deadlock found")))).isTrue();
    assertThat(OnceOnly.lostAConcurrencyRace(new org.springframework.dao.OptimisticLockingFailureException("stale"))).isTrue();
    assertThat(OnceOnly.lostAConcurrencyRace(new IllegalStateException("database went away"))).isFalse();
  }

  @Test
  void theIncidentMessageSaysWhatFailedAndWhatToDo() {
    String message = RetryWithBackoff.incidentMessage("assign-owner", 42,
        new FixableFailure("nobody on the roster can own tier 2 tickets", "make a SPECIALIST in group billing available"));
    assertThat(message).isEqualTo("assign-owner failed for ticket 42: nobody on the roster can own tier 2 tickets."
        + " What to do: make a SPECIALIST in group billing available."
        + " Fix the cause, then increase the job's retries in Operate to run it again.");
  }

  @Test
  void backoffGrowsExponentiallyAndIsCapped() {
    assertThat(RetryWithBackoff.backoff(5)).hasSeconds(2);
    assertThat(RetryWithBackoff.backoff(4)).hasSeconds(4);
    assertThat(RetryWithBackoff.backoff(3)).hasSeconds(8);
    assertThat(RetryWithBackoff.backoff(1)).hasSeconds(32);
    assertThat(RetryWithBackoff.backoff(-20)).hasMinutes(5);
  }
}
