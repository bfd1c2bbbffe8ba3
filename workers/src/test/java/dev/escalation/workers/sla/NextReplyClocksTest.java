package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.SlaPolicy;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEvent;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.handoff.Escalation;
import dev.escalation.workers.handoff.EscalationRepository;
import dev.escalation.workers.handoff.HandoffNoteRepository;
import dev.escalation.workers.handoff.Handoffs;
import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationRepository;
import dev.escalation.workers.roster.Role;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.roster.RosterRepository;
import dev.escalation.workers.testsupport.FakeJobs;
import dev.escalation.workers.testsupport.LedgerTest;
import dev.escalation.workers.testsupport.MutableClock;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.ClockState;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import dev.escalation.workers.ticket.TicketMessageRepository;
import dev.escalation.workers.ticket.TicketRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * S3 against the real ledger, on the PREMIUM row (next reply within 4 business hours, warnings at 50% and
 * 75%): a customer message starts the clock in the row's calendar, an earlier one still running is kept,
 * the owner's answer meets it, waiting on the customer pauses it with the business time left, each
 * threshold warns once, and a breach escalates with its own cause and handoff note.
 */
@LedgerTest
@Import(NextReplyClocksTest.MovableClock.class)
class NextReplyClocksTest {
  private static final String OWNER = "nrc-agent";
  private static final AtomicLong JOB_KEYS = new AtomicLong(9_300_000);
  /** Monday 7 December 2026, 11:00 in Berlin (business hours 09:00-17:00). */
  private static final Instant MONDAY_ELEVEN = Instant.parse("2026-12-07T10:00:00Z");

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return MutableClock.startingNow();
    }
  }

  @Autowired NextReplyClocks nextReplies;
  @Autowired SlaClocks clocks;
  @Autowired SlaBreaches breaches;
  @Autowired NotifySlaWarningWorker warnings;
  @Autowired Handoffs handoffs;
  @Autowired EscalationRepository escalations;
  @Autowired HandoffNoteRepository notes;
  @Autowired TicketRepository tickets;
  @Autowired TicketMessageRepository messages;
  @Autowired RosterRepository roster;
  @Autowired NotificationRepository notifications;
  @Autowired AuditTrail audit;
  @Autowired MutableClock clock;

  @BeforeEach
  void roster() {
    if (!roster.existsById(OWNER)) {
      roster.save(new RosterMember(OWNER, "Nora Agent", "nrc-agent@x.test", Role.AGENT, 1, null, true, false, null, null));
    }
    clock.set(MONDAY_ELEVEN);
  }

  @Test
  void aCustomerMessageStartsTheClockInTheRowsCalendar() {
    long id = openPremium();
    customerWrites(id);

    Map<String, Object> vars = nextReplies.customerWrote(id);

    // 11:00 Berlin + 4 business hours = 15:00 Berlin; the 50% warning at 13:00
    assertThat(vars).containsEntry(Variables.NEXT_REPLY_CLOCK_RUNNING, true)
        .containsEntry(Variables.NEXT_REPLY_DUE_AT, "2026-12-07T14:00:00Z")
        .containsEntry(Variables.NEXT_REPLY_WARNING_AT, "2026-12-07T12:00:00Z");
    assertThat(nextReplies.of(id)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(ClockState.RUNNING));
    assertThat(entry(id, AuditEventType.NEXT_REPLY_CLOCK_STARTED).detail())
        .isEqualTo("The customer awaits a reply: next reply due Mon 7 Dec 2026, 15:00 CET (4 h in business-hours, rule premium-next-reply)");
  }

  @Test
  void aSecondMessageKeepsTheEarlierClockAndTheOwnersAnswerMeetsIt() {
    long id = openPremium();
    customerWrites(id);
    nextReplies.customerWrote(id);
    clock.set(MONDAY_ELEVEN.plusSeconds(1800));
    customerWrites(id);

    assertThat(nextReplies.customerWrote(id)).containsEntry(Variables.NEXT_REPLY_DUE_AT, "2026-12-07T14:00:00Z");

    assertThat(nextReplies.answered(id, OWNER)).isTrue();
    assertThat(nextReplies.of(id)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(ClockState.MET));
    assertThat(entry(id, AuditEventType.NEXT_REPLY_MET).actor()).isEqualTo(OWNER);
    assertThat(nextReplies.answered(id, OWNER)).as("nothing left to meet").isFalse();
  }

  @Test
  void noClockStartsWithoutATargetOrWhenTheOwnerHadTheLastWord() {
    long standard = open(row("p3-business-hours", null, List.of(0.75)));
    customerWrites(standard);
    assertThat(nextReplies.customerWrote(standard)).containsEntry(Variables.NEXT_REPLY_CLOCK_RUNNING, false);
    assertThat(nextReplies.of(standard)).isEmpty();

    long answered = openPremium();
    customerWrites(answered);
    messages.save(new TicketMessage(null, answered, TicketMessage.Direction.TO_CUSTOMER, OWNER, "Fixed it", clock.instant()));
    assertThat(nextReplies.customerWrote(answered)).containsEntry(Variables.NEXT_REPLY_CLOCK_RUNNING, false);
    assertThat(nextReplies.of(answered)).isEmpty();
  }

  @Test
  void waitingOnTheCustomerPausesItAndTheReplyResumesItWithTheBusinessTimeLeft() {
    long id = openPremium();
    customerWrites(id);
    nextReplies.customerWrote(id);
    clock.set(Instant.parse("2026-12-07T13:00:00Z")); // 14:00 Berlin: one business hour left

    clocks.pause(id, OWNER);
    assertThat(nextReplies.of(id)).hasValueSatisfying(c -> {
      assertThat(c.state()).isEqualTo(ClockState.PAUSED);
      assertThat(c.remainingSeconds()).isEqualTo(3600L);
    });
    assertThat(entry(id, AuditEventType.WAITING_ON_CUSTOMER).detail()).endsWith(", next reply 1 h left");

    clock.set(Instant.parse("2026-12-08T09:00:00Z")); // Tuesday 10:00 Berlin
    Map<String, Object> vars = clocks.resume(id);

    // the hour left, in business hours; both thresholds are behind it, so the warning is due at once
    assertThat(vars).containsEntry(Variables.NEXT_REPLY_CLOCK_RUNNING, true)
        .containsEntry(Variables.NEXT_REPLY_DUE_AT, "2026-12-08T10:00:00Z")
        .containsEntry(Variables.NEXT_REPLY_WARNING_AT, "2026-12-08T09:00:00Z");
  }

  @Test
  void eachThresholdWarnsTheOwnerOnce() {
    long id = openPremium();
    customerWrites(id);
    nextReplies.customerWrote(id);

    clock.set(Instant.parse("2026-12-07T11:59:00Z"));
    assertThat(warnings.notifySlaWarning(job(JobTypes.NOTIFY_SLA_WARNING), new ClockJob(id, "NEXT_REPLY")))
        .as("a minute early: nothing reached yet")
        .containsEntry(Variables.NEXT_REPLY_WARNING_AT, "2026-12-07T12:00:00Z");
    assertThat(mails(id, NotificationKind.SLA_WARNING)).isEmpty();
    clock.set(Instant.parse("2026-12-07T12:00:00Z"));
    assertThat(warnings.notifySlaWarning(job(JobTypes.NOTIFY_SLA_WARNING), new ClockJob(id, "NEXT_REPLY")))
        .containsEntry(Variables.NEXT_REPLY_WARNINGS_LEFT, true)
        .containsEntry(Variables.NEXT_REPLY_WARNING_AT, "2026-12-07T13:00:00Z");
    clock.set(Instant.parse("2026-12-07T13:00:00Z"));
    assertThat(warnings.notifySlaWarning(job(JobTypes.NOTIFY_SLA_WARNING), new ClockJob(id, "NEXT_REPLY")))
        .isEqualTo(Map.of(Variables.NEXT_REPLY_WARNINGS_LEFT, false));
    warnings.notifySlaWarning(job(JobTypes.NOTIFY_SLA_WARNING), new ClockJob(id, "NEXT_REPLY")); // a late timer of the same clock

    assertThat(mails(id, NotificationKind.SLA_WARNING)).extracting(Notification::subject).containsExactly(
        "[#" + id + "] next reply SLA at 50%: due Mon 7 Dec 2026, 15:00 CET",
        "[#" + id + "] next reply SLA at 75%: due Mon 7 Dec 2026, 15:00 CET");
  }

  @Test
  void aBreachEscalatesWithItsOwnCauseAndHandoffNote() {
    long id = openPremium();
    customerWrites(id);
    nextReplies.customerWrote(id);
    clock.set(Instant.parse("2026-12-07T14:00:01Z"));

    SlaBreaches.Outcome outcome = breaches.record(id, "NEXT_REPLY", JOB_KEYS.incrementAndGet());

    assertThat(outcome.canEscalate()).isTrue();
    assertThat(notes.findById(outcome.handoffNoteId()).orElseThrow().summary())
        .startsWith("Next reply SLA breached at tier 1 (P3, due Mon 7 Dec 2026, 15:00 CET, owner nrc-agent)");
    assertThat(notes.findById(outcome.handoffNoteId()).orElseThrow().need())
        .startsWith("A reply to the customer's latest message from the specialist group for technical");
    assertThat(nextReplies.of(id)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(ClockState.BREACHED));
    assertThat(tickets.findById(id).orElseThrow().responseClock()).as("the other clocks are untouched").isEqualTo(ClockState.RUNNING);
    assertThat(entry(id, AuditEventType.SLA_BREACHED).detail()).startsWith("next reply SLA breached at tier 1 (due Mon 7 Dec 2026, 15:00 CET");
    assertThat(mails(id, NotificationKind.SLA_BREACH)).extracting(Notification::subject).containsExactly("[#" + id + "] next reply SLA breached");

    handoffs.escalate(id, outcome.escalationType(), outcome.handoffNoteId());

    assertThat(escalations.findByTicketIdOrderByEscalatedAtAscIdAsc(id)).extracting(Escalation::cause).containsExactly("NEXT_REPLY_SLA_BREACHED");
  }

  @Test
  void aPriorityChangeCountsTheTimeAlreadySpentAgainstTheNewRowsTargetOrEndsThePromise() {
    long id = openPremium();
    customerWrites(id);
    nextReplies.customerWrote(id);
    clock.set(Instant.parse("2026-12-07T11:00:00Z")); // one business hour of the four spent

    Map<String, Object> faster = row("faster-next-reply", "PT1H30M", List.of(0.5));
    faster.put(SlaPolicy.CALENDAR, "24x7");
    Map<String, Object> vars = clocks.recomputeForPriority(id, faster, 1, 1);

    // 30 of the new 90 minutes are left, around the clock; the 50% warning (45 minutes) is behind, so at once
    assertThat(vars).containsEntry(Variables.NEXT_REPLY_CLOCK_RUNNING, true)
        .containsEntry(Variables.NEXT_REPLY_DUE_AT, "2026-12-07T11:30:00Z")
        .containsEntry(Variables.NEXT_REPLY_WARNING_AT, "2026-12-07T11:00:00Z");

    Map<String, Object> none = clocks.recomputeForPriority(id, row("p1-around-the-clock", null, List.of(0.75)), 1, 1);
    assertThat(none).containsEntry(Variables.NEXT_REPLY_CLOCK_RUNNING, false);
    assertThat(nextReplies.of(id)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo(ClockState.NOT_STARTED));
    assertThat(nextReplies.answered(id, OWNER)).as("no promise left to meet").isFalse();
  }

  private long openPremium() {
    return open(row("premium-next-reply", "PT4H", List.of(0.5, 0.75)));
  }

  private long open(Map<String, Object> row) {
    Ticket ticket = Ticket.open(new Customer("Nora Customer", "nora@x.test", "en", false, null, "PREMIUM"), "email", "Invoices",
        "The invoice export hangs", Priority.P3, Category.TECHNICAL, 3, clock.instant());
    ticket.assignTo(OWNER);
    long id = tickets.save(ticket).id();
    clocks.start(id, row, 1, 1);
    return id;
  }

  private void customerWrites(long id) {
    messages.save(new TicketMessage(null, id, TicketMessage.Direction.FROM_CUSTOMER, "Nora Customer", "Still hanging", clock.instant()));
  }

  private static Map<String, Object> row(String ruleId, String nextReply, List<Double> thresholds) {
    Map<String, Object> row = new HashMap<>();
    row.put(SlaPolicy.RULE_ID, ruleId);
    row.put(SlaPolicy.RESPONSE_TARGET, "PT4H");
    row.put(SlaPolicy.RESOLUTION_TARGET, "PT24H");
    row.put(SlaPolicy.NEXT_REPLY_TARGET, nextReply);
    row.put(SlaPolicy.CALENDAR, "business-hours");
    row.put(SlaPolicy.WARNING_THRESHOLDS, thresholds);
    row.put(SlaPolicy.NOTIFY_MANAGER_ON_BREACH, false);
    return row;
  }

  private AuditEvent entry(long id, AuditEventType type) {
    return audit.timeline(id).stream().filter(e -> e.type() == type).reduce((first, second) -> second).orElseThrow();
  }

  private List<Notification> mails(long id, NotificationKind kind) {
    return notifications.findByTicketIdOrderByIdAsc(id).stream().filter(n -> n.kind() == kind).toList();
  }

  private static io.camunda.client.api.response.ActivatedJob job(String type) {
    return FakeJobs.job(JOB_KEYS.incrementAndGet(), type);
  }
}
