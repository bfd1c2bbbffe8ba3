package dev.escalation.workers.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import dev.escalation.workers.testsupport.FakeJobs;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.ActorJob;
import dev.escalation.workers.resolution.ResolveTicketWorker;
import dev.escalation.workers.roster.OwnerAssignment;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.sla.SlaClocks;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.testsupport.MutableClock;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moments the metrics read (V9), as the write paths stamp them on a real MariaDB, with a clock
 * the test moves: the ticket's first escalation and its escalation into the current tier, and each
 * handoff's first response by its new owner.
 */
@LedgerTest
@Import(MetricsMomentsTest.MovableClock.class)
class MetricsMomentsTest {
  private static final AtomicLong JOB_KEYS = new AtomicLong(5_500_000);
  private static final String AGENT = "mm-agent";
  private static final String SPECIALIST = "mm-billing";
  private static final String MANAGER = "mm-manager";

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableClock {
    @Bean
    @Primary
    MutableClock movableClock() {
      return new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    }
  }

  @Autowired MutableClock clock;
  @Autowired TicketRepository tickets;
  @Autowired RosterRepository roster;
  @Autowired HandoffNoteRepository notes;
  @Autowired Handoffs handoffs;
  @Autowired OwnerAssignment assignment;
  @Autowired SlaClocks clocks;
  @Autowired ResolveTicketWorker resolveWorker;
  @Autowired AuditTrail audit;
  @Autowired FirstResponses firstResponses;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void roster() {
    if (roster.existsById(AGENT)) {
      return;
    }
    roster.save(new RosterMember(AGENT, "Mo Agent", "mm-agent@x.test", Role.AGENT, 1, null, true, false, null, null));
    roster.save(new RosterMember(SPECIALIST, "Mo Billing", "mm-billing@x.test", Role.SPECIALIST, 2, "billing", true, false, null, null));
    roster.save(new RosterMember(MANAGER, "Mo Manager", "mm-manager@x.test", Role.MANAGER, 3, null, true, true, null, null));
  }

  @Test
  void theNewOwnersFirstActionAnswersTheHandoffAndNeitherTheOldOwnerNorLaterActionsMoveIt() {
    long id = openAndAssign();
    Instant escalated = escalate(id, EscalationType.FUNCTIONAL, minutes(10));
    assign(id, minutes(1));
    attempt(id, AGENT, minutes(1)); // the previous owner: not an answer
    assertThat(firstResponses(id)).containsExactly((Instant) null);

    Instant answered = attempt(id, SPECIALIST, minutes(4));
    pause(id, minutes(5));
    resolve(id, SPECIALIST, minutes(30));

    assertThat(firstResponses(id)).containsExactly(answered);
    Ticket ticket = tickets.findById(id).orElseThrow();
    assertThat(ticket.firstEscalatedAt()).isEqualTo(escalated);
    assertThat(ticket.escalatedToTierAt()).isEqualTo(escalated);
  }

  @Test
  void anActionAfterTheNextHandoffAnswersOnlyThatOne() {
    long id = openAndAssign();
    Instant first = escalate(id, EscalationType.FUNCTIONAL, minutes(10));
    assign(id, minutes(1)); // the specialist never acts in time
    Instant second = escalate(id, EscalationType.HIERARCHICAL, minutes(50));
    assign(id, minutes(1));
    attempt(id, SPECIALIST, minutes(1)); // too late for the first handoff, and not the new owner's
    Instant answered = attempt(id, MANAGER, minutes(9));

    assertThat(firstResponses(id)).containsExactly(null, answered);
    Ticket ticket = tickets.findById(id).orElseThrow();
    assertThat(ticket.tier()).isEqualTo(3);
    assertThat(ticket.firstEscalatedAt()).isEqualTo(first);
    assertThat(ticket.escalatedToTierAt()).isEqualTo(second);
  }

  @Test
  void aPauseAnswersWhoeverAskedEvenBeforeTheNewOwnerIsAssigned() {
    long id = openAndAssign();
    escalate(id, EscalationType.FUNCTIONAL, minutes(10));
    Instant paused = pause(id, Duration.ofSeconds(20));
    assign(id, minutes(1));
    attempt(id, SPECIALIST, minutes(1));

    assertThat(firstResponses(id)).containsExactly(paused);
  }

  @Test
  void theNewOwnerActingBetweenTheHandoffAndTheAssignmentIsFoundWhenTheAssignmentComes() {
    long id = openAndAssign();
    escalate(id, EscalationType.FUNCTIONAL, minutes(10));
    Instant acted = attempt(id, SPECIALIST, Duration.ofSeconds(30));
    assertThat(firstResponses(id)).containsExactly((Instant) null); // nobody owns the handoff yet

    assign(id, minutes(1));
    assertThat(firstResponses(id)).containsExactly(acted);
  }

  @Test
  void theNewOwnersResolutionAnswersTheHandoffAndAReopenKeepsTheTicketsMoments() {
    long id = openAndAssign();
    Instant escalated = escalate(id, EscalationType.FUNCTIONAL, minutes(10));
    assign(id, minutes(1));
    Instant resolved = resolve(id, SPECIALIST, minutes(20));
    assertThat(firstResponses(id)).containsExactly(resolved);

    clock.advance(minutes(60));
    transaction.executeWithoutResult(s -> {
      Ticket ticket = tickets.findById(id).orElseThrow();
      ticket.reopen();
      tickets.save(ticket);
    });
    Ticket reopened = tickets.findById(id).orElseThrow();
    assertThat(reopened.tier()).isEqualTo(2);
    assertThat(reopened.firstEscalatedAt()).isEqualTo(escalated);
    assertThat(reopened.escalatedToTierAt()).isEqualTo(escalated);

    Instant reescalated = escalate(id, EscalationType.HIERARCHICAL, minutes(5));
    assertThat(tickets.findById(id).orElseThrow().firstEscalatedAt()).isEqualTo(escalated);
    assertThat(tickets.findById(id).orElseThrow().escalatedToTierAt()).isEqualTo(reescalated);
    assertThat(jdbc.sql("SELECT reescalation FROM escalation WHERE ticket_id = ? ORDER BY id").param(id).query(Boolean.class).list())
        .containsExactly(false, true);
  }

  @Test
  void eachEscalationCarriesTheOpeningOfItsTicket() {
    long id = openAndAssign();
    escalate(id, EscalationType.FUNCTIONAL, minutes(10));
    Instant opened = tickets.findById(id).orElseThrow().openedAt();
    assertThat(jdbc.sql("SELECT ticket_opened_at FROM escalation WHERE ticket_id = ?").param(id)
        .query((rs, n) -> rs.getTimestamp(1).toInstant()).single()).isEqualTo(opened);
  }

  // ------------------------------------------------------------ the write paths, at the moved clock

  private long openAndAssign() {
    clock.advance(Duration.ofHours(1));
    long id = tickets.save(Ticket.open(new Customer("Mo Customer", "mo@x.test", "en", false, null), "email", "Invoice", "Charged twice",
        Priority.P3, Category.BILLING, 3, clock.instant())).id();
    assign(id, Duration.ofSeconds(1));
    return id;
  }

  private Instant escalate(long id, EscalationType type, Duration after) {
    Instant at = clock.advance(after);
    transaction.executeWithoutResult(s -> {
      HandoffNote note = notes.save(new HandoffNote(null, id, AGENT, false, type, "Charged twice", "Refund form", "A refund", null, at));
      handoffs.escalate(id, type, note.id());
    });
    return at;
  }

  private void assign(long id, Duration after) {
    clock.advance(after);
    assignment.assign(id, JOB_KEYS.incrementAndGet());
  }

  /** What TicketCommands.recordAttempt writes for the API: the attempt in the trail, then the stamp. */
  private Instant attempt(long id, String by, Duration after) {
    Instant at = clock.advance(after);
    transaction.executeWithoutResult(s -> {
      audit.record(id, AuditEventType.ATTEMPT_RECORDED, by, "Tier 2: checked the invoice");
      firstResponses.update(id);
    });
    return at;
  }

  private Instant pause(long id, Duration after) {
    Instant at = clock.advance(after);
    clocks.pause(id, null);
    return at;
  }

  private Instant resolve(long id, String by, Duration after) {
    Instant at = clock.advance(after);
    resolveWorker.resolveTicket(job(JOB_KEYS.incrementAndGet()), new ActorJob(id, by));
    return at;
  }

  private List<Instant> firstResponses(long id) {
    return new ArrayList<>(jdbc.sql("SELECT first_response_at FROM escalation WHERE ticket_id = ? ORDER BY escalated_at, id").param(id)
        .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list());
  }

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  private static ActivatedJob job(long key) {
    return FakeJobs.job(key, JobTypes.RESOLVE_TICKET);
  }
}
