package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.testsupport.MutableClock;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Duration;
import java.time.Instant;
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
 * M9: the SLA targets (V14) as the clocks' own write paths leave them on a real MariaDB, with a clock
 * the test moves. A P1 ticket (24/7: 15 min response, 4 h resolution) so that the due dates are plain
 * arithmetic.
 */
@LedgerTest
@Import(SlaTargetsTest.MovableClock.class)
class SlaTargetsTest {
  private static final AtomicLong JOB_KEYS = new AtomicLong(7_700_000);
  private static final String AGENT = "st-agent";
  private static final Instant T0 = Instant.parse("2026-04-06T09:00:00Z");

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableClock {
    @Bean
    @Primary
    MutableClock movableClock() {
      return new MutableClock(T0);
    }
  }

  @Autowired MutableClock clock;
  @Autowired TicketRepository tickets;
  @Autowired RosterRepository roster;
  @Autowired SlaClocks clocks;
  @Autowired SlaBreaches breaches;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcClient jdbc;

  record Target(int epoch, String clock, String priority, int tier, String group, String channel, String owner, Instant startedAt,
      Instant dueAt, String state, Instant endedAt) {}

  @BeforeEach
  void roster() {
    if (!roster.existsById(AGENT)) {
      roster.save(new RosterMember(AGENT, "St Agent", "st-agent@x.test", Role.AGENT, 1, null, true, false, null, null));
    }
  }

  @Test
  void aPausedResponseClockIsDueLaterByThePauseAndIsBreachedOnlyPastThatDate() {
    long id = openAndAssign(Category.SECURITY);
    Instant start = clock.instant();
    clocks.start(id, null, 0, 0); // no policy table: the escalation.sla.targets of its priority
    assertThat(targets(id)).containsExactly(
        new Target(1, "RESOLUTION", "P1", 1, "security-privacy", "chat", AGENT, start, start.plus(Duration.ofHours(4)), "RUNNING", null),
        new Target(1, "RESPONSE", "P1", 1, "security-privacy", "chat", AGENT, start, start.plus(Duration.ofMinutes(15)), "RUNNING", null));

    clock.advance(Duration.ofMinutes(5));
    clocks.pause(id, AGENT); // 10 min of response left, 3 h 55 min of resolution
    assertThat(targets(id)).extracting(Target::state).containsExactly("PAUSED", "PAUSED");

    Instant resumed = clock.advance(Duration.ofHours(1));
    clocks.resume(id);
    Instant responseDue = resumed.plus(Duration.ofMinutes(10));
    assertThat(targets(id)).extracting(Target::dueAt).containsExactly(resumed.plus(Duration.ofMinutes(235)), responseDue);
    assertThat(targets(id)).extracting(Target::state).containsExactly("RUNNING", "RUNNING");

    Instant breachedAt = clock.advance(Duration.ofMinutes(11));
    breaches.record(id, "RESPONSE", JOB_KEYS.incrementAndGet());
    Target response = targets(id).get(1);
    assertThat(response.state()).isEqualTo("BREACHED");
    assertThat(response.dueAt()).isEqualTo(responseDue);
    assertThat(response.endedAt()).isEqualTo(breachedAt);
    assertThat(targets(id).get(0).state()).isEqualTo("RUNNING");
  }

  @Test
  void aNewClockPeriodSupersedesTheRunningTargetAndTheOwnersActionsMeetTheNewOnes() {
    long id = openAndAssign(Category.BILLING);
    clocks.start(id, null, 0, 0); // no policy table: the escalation.sla.targets of its priority
    clock.advance(Duration.ofMinutes(16));
    breaches.record(id, "RESPONSE", JOB_KEYS.incrementAndGet());

    Instant handoff = clock.advance(Duration.ofMinutes(1));
    transaction.executeWithoutResult(s -> {
      Ticket ticket = tickets.findById(id).orElseThrow();
      ticket.escalateTo(2, handoff);
      tickets.save(ticket);
    });
    clocks.start(id, null, 0, 0); // no policy table: the escalation.sla.targets of its priority
    Instant responded = clock.advance(Duration.ofMinutes(3));
    save(id, Ticket::ownerResponded);
    Instant resolved = clock.advance(Duration.ofHours(1));
    save(id, t -> t.resolve(resolved));
    clock.advance(Duration.ofMinutes(1));
    save(id, Ticket::ownerResponded); // a later save changes no settled target

    assertThat(targets(id)).extracting(Target::epoch, Target::clock, Target::tier, Target::state, Target::endedAt).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, "RESOLUTION", 1, "SUPERSEDED", handoff),
        org.assertj.core.groups.Tuple.tuple(1, "RESPONSE", 1, "BREACHED", handoff.minus(Duration.ofMinutes(1))),
        org.assertj.core.groups.Tuple.tuple(2, "RESOLUTION", 2, "MET", resolved),
        org.assertj.core.groups.Tuple.tuple(2, "RESPONSE", 2, "MET", responded));
    assertThat(targets(id)).extracting(Target::group).containsOnly("billing");
  }

  private long openAndAssign(Category category) {
    clock.advance(Duration.ofHours(6));
    Ticket ticket = Ticket.open(new Customer("Sam", "sam@x.test", "en", false, null), "chat", "help", "help", Priority.P1, category, 3,
        clock.instant());
    ticket.assignTo(AGENT);
    return tickets.save(ticket).id();
  }

  private void save(long id, java.util.function.Consumer<Ticket> change) {
    transaction.executeWithoutResult(s -> {
      Ticket ticket = tickets.findById(id).orElseThrow();
      change.accept(ticket);
      tickets.save(ticket);
    });
  }

  private List<Target> targets(long id) {
    return jdbc.sql("SELECT * FROM sla_target WHERE ticket_id = ? ORDER BY epoch, clock").param(id)
        .query((rs, n) -> new Target(rs.getInt("epoch"), rs.getString("clock"), rs.getString("priority"), rs.getInt("tier"),
            rs.getString("skill_group"), rs.getString("channel"), rs.getString("owner_username"), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("due_at")), rs.getString("state"), instant(rs.getTimestamp("ended_at"))))
        .list();
  }

  private static Instant instant(java.sql.Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
