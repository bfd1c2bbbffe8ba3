package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;
import dev.escalation.workers.testsupport.FakeJobs;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.SlaPolicy;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.audit.AuditEvent;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.notification.Notification;
import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.NotificationRepository;
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
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
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
 * S1, S5, T4 against the real ledger: the row the SLA policy table gave is recorded on the ticket and
 * sets the clocks (targets, calendar), each warning threshold warns once and hands the process the
 * next date, a row that asks for it tells a manager of a breach, and a broken row is an incident an
 * engineer can act on.
 */
@LedgerTest
@Import(SlaPolicyClocksTest.MovableClock.class)
class SlaPolicyClocksTest {
  private static final String OWNER = "spc-agent";
  private static final String MANAGER = "spc-manager";
  private static final AtomicLong JOB_KEYS = new AtomicLong(9_100_000);
  /** Saturday 5 December 2026, 10:00 in Berlin. */
  private static final Instant SATURDAY_MORNING = Instant.parse("2026-12-05T09:00:00Z");

  @TestConfiguration(proxyBeanMethods = false)
  static class MovableClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return MutableClock.startingNow();
    }
  }

  @Autowired SlaClocks clocks;
  @Autowired SlaBreaches breaches;
  @Autowired NotifySlaWarningWorker warnings;
  @Autowired AppliedSlaPolicyRepository applied;
  @Autowired TicketRepository tickets;
  @Autowired RosterRepository roster;
  @Autowired NotificationRepository notifications;
  @Autowired AuditTrail audit;
  @Autowired MutableClock clock;

  @BeforeEach
  void roster() {
    if (!roster.existsById(OWNER)) {
      roster.save(new RosterMember(OWNER, "Sky Agent", "spc-agent@x.test", Role.AGENT, 1, null, true, false, null, null));
      roster.save(new RosterMember(MANAGER, "Sky Manager", "spc-manager@x.test", Role.MANAGER, 3, null, true, true, null, null));
    }
    clock.set(SATURDAY_MORNING);
  }

  @Test
  void anEnterpriseRowStartsThirtyMinutesAroundTheClockOnASaturdayAndIsRecordedWithItsVersion() {
    long id = open(Priority.P3);

    Map<String, Object> vars = clocks.start(id, enterprise(), 2251799813685249L, 3);

    assertThat(vars).containsEntry(Variables.RESPONSE_DUE_AT, "2026-12-05T09:30:00Z")
        .containsEntry(Variables.RESPONSE_WARNING_AT, "2026-12-05T09:15:00Z")
        .containsEntry(Variables.RESOLUTION_DUE_AT, "2026-12-05T17:00:00Z")
        .containsEntry(Variables.RESOLUTION_WARNING_AT, "2026-12-05T13:00:00Z");
    AppliedSlaPolicy policy = applied.findFirstByTicketIdOrderByIdDesc(id).orElseThrow();
    assertThat(policy.ruleId()).isEqualTo("enterprise-around-the-clock");
    assertThat(policy.responseTarget()).isEqualTo("PT30M");
    assertThat(policy.nextReplyTarget()).isEqualTo("PT1H");
    assertThat(policy.calendar()).isEqualTo("24x7");
    assertThat(policy.thresholds()).containsExactly(0.5, 0.75);
    assertThat(policy.notifyManagerOnBreach()).isTrue();
    assertThat(policy.processVersion()).isEqualTo(3);
    assertThat(policy.processDefinitionKey()).isEqualTo(2251799813685249L);
    assertThat(policy.appliedAt()).isEqualTo(SATURDAY_MORNING);
    AuditEvent entry = audit.timeline(id).stream().filter(e -> e.type() == AuditEventType.SLA_POLICY_APPLIED).findFirst().orElseThrow();
    assertThat(entry.detail()).isEqualTo("P3 at tier 1: rule enterprise-around-the-clock (response PT30M, resolution PT8H,"
        + " next reply PT1H, calendar 24x7, warnings at 50%, 75%, a breach tells the tier's manager;"
        + " policy of ticket-escalation version 3). ENTERPRISE plan: answered around the clock");
  }

  @Test
  void theDefaultP3RowCountsInBusinessHoursSoASaturdayTicketIsDueMondayAtOne() {
    long id = open(Priority.P3);

    Map<String, Object> vars = clocks.start(id, row("p3-business-hours", "PT4H", "PT24H", null, "business-hours", List.of(0.75), false), 1, 1);

    // Monday 7 December 09:00 Berlin + 4 business hours; the warning at 75% (3 hours) at 12:00
    assertThat(vars).containsEntry(Variables.RESPONSE_DUE_AT, "2026-12-07T12:00:00Z")
        .containsEntry(Variables.RESPONSE_WARNING_AT, "2026-12-07T11:00:00Z");
    assertThat(tickets.findById(id).orElseThrow().responseDueAt()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
  }

  /** A clock-start job that runs late (a backlog, a restart) gives the team no extra time: the clocks count from the opening. */
  @Test
  void theFirstClocksCountFromTheOpeningEvenWhenTheirJobRunsLate() {
    long aroundTheClock = open(Priority.P3);
    long businessHours = open(Priority.P3);
    clock.set(SATURDAY_MORNING.plus(Duration.ofMinutes(10)));

    assertThat(clocks.start(aroundTheClock, enterprise(), 1, 1))
        .containsEntry(Variables.RESPONSE_DUE_AT, "2026-12-05T09:30:00Z")
        .containsEntry(Variables.RESPONSE_WARNING_AT, "2026-12-05T09:15:00Z")
        .containsEntry(Variables.RESOLUTION_DUE_AT, "2026-12-05T17:00:00Z");
    // opened on a Saturday, its clock started on Monday morning: the weekend was no business time
    clock.set(Instant.parse("2026-12-07T08:10:00Z"));
    assertThat(clocks.start(businessHours, row("p3-business-hours", "PT4H", "PT24H", null, "business-hours", List.of(0.75), false), 1, 1))
        .containsEntry(Variables.RESPONSE_DUE_AT, "2026-12-07T12:00:00Z")
        .containsEntry(Variables.RESPONSE_WARNING_AT, "2026-12-07T11:00:00Z");
  }

  @Test
  void eachThresholdWarnsOnceAndTheWorkerHandsTheProcessTheNextOne() {
    long id = open(Priority.P3);
    clocks.start(id, enterprise(), 1, 1);

    clock.set(Instant.parse("2026-12-05T09:15:00Z"));
    assertThat(warnings.notifySlaWarning(job(), new ClockJob(id, "RESPONSE")))
        .containsEntry(Variables.RESPONSE_WARNINGS_LEFT, true)
        .containsEntry(Variables.RESPONSE_WARNING_AT, "2026-12-05T09:22:30Z");
    clock.set(Instant.parse("2026-12-05T09:22:30Z"));
    assertThat(warnings.notifySlaWarning(job(), new ClockJob(id, "RESPONSE")))
        .isEqualTo(Map.of(Variables.RESPONSE_WARNINGS_LEFT, false));
    clock.set(Instant.parse("2026-12-05T09:22:31Z"));
    warnings.notifySlaWarning(job(), new ClockJob(id, "RESPONSE")); // the timer of a re-entered wait, already past

    assertThat(mails(id, NotificationKind.SLA_WARNING)).extracting(Notification::subject).containsExactly(
        "[#" + id + "] response SLA at 50%: due Sat 5 Dec 2026, 10:30 CET",
        "[#" + id + "] response SLA at 75%: due Sat 5 Dec 2026, 10:30 CET");
  }

  @Test
  void aBreachUnderARowThatAsksForItAlsoTellsTheOnDutyManager() {
    long id = open(Priority.P3);
    clocks.start(id, enterprise(), 1, 1);
    clock.set(Instant.parse("2026-12-05T09:30:00Z"));

    breaches.record(id, "RESPONSE", JOB_KEYS.incrementAndGet());

    RosterMember first = roster.byRoleOnDutyFirst(Role.MANAGER.name()).get(0);
    assertThat(mails(id, NotificationKind.SLA_BREACH)).extracting(Notification::recipient)
        .containsExactlyInAnyOrder("spc-agent@x.test", first.email());
  }

  @Test
  void aBreachUnderTheDefaultRowsTellsOnlyTheOwner() {
    long id = open(Priority.P1);
    clocks.start(id, row("p1-around-the-clock", "PT15M", "PT4H", null, "24x7", List.of(0.75), false), 1, 1);
    clock.set(Instant.parse("2026-12-05T09:15:00Z"));

    breaches.record(id, "RESPONSE", JOB_KEYS.incrementAndGet());

    assertThat(mails(id, NotificationKind.SLA_BREACH)).extracting(Notification::recipient).containsExactly("spc-agent@x.test");
  }

  @Test
  void pausingAndResumingKeepsTheTimeLeftInTheRowsCalendar() {
    long id = open(Priority.P3);
    clocks.start(id, enterprise(), 1, 1);
    clock.set(Instant.parse("2026-12-05T09:10:00Z"));
    clocks.pause(id, OWNER);
    clock.set(Instant.parse("2026-12-05T15:00:00Z"));

    Map<String, Object> vars = clocks.resume(id);

    // 20 minutes were left around the clock; the 50% warning (at 15 of 30 minutes) is 5 minutes ahead
    assertThat(vars).containsEntry(Variables.RESPONSE_DUE_AT, "2026-12-05T15:20:00Z")
        .containsEntry(Variables.RESPONSE_WARNING_AT, "2026-12-05T15:05:00Z");
  }

  @Test
  void aRowThatNamesAnUnknownCalendarOrAnUnreadableTargetIsAnIncidentThatSaysWhatToFix() {
    long id = open(Priority.P3);
    Map<String, Object> moon = enterprise();
    moon.put(SlaPolicy.CALENDAR, "moon");
    Map<String, Object> soon = enterprise();
    soon.put(SlaPolicy.RESPONSE_TARGET, "soon");

    assertThatThrownBy(() -> clocks.start(id, moon, 1, 1)).isInstanceOf(FixableFailure.class)
        .hasMessageStartingWith("rule enterprise-around-the-clock of sla-policy names calendar 'moon': no support calendar"
            + " named 'moon' (known: 24x7, ")
        .hasMessageContaining(", business-hours")
        .hasMessageEndingWith(") for ticket " + id);
    assertThatThrownBy(() -> clocks.start(id, soon, 1, 1)).isInstanceOf(FixableFailure.class)
        .hasMessage("rule enterprise-around-the-clock of sla-policy gives responseTarget 'soon' for ticket " + id);
    assertThat(applied.findFirstByTicketIdOrderByIdDesc(id)).isEmpty();
  }

  @Test
  void aP3RaisedToP1AfterTwentyMinutesIsDueAtOnceAndItsResolutionKeepsTheTimeSpent() {
    clock.set(Instant.parse("2026-12-02T09:00:00Z")); // Wednesday 10:00 in Berlin, the office is open
    long id = open(Priority.P3);
    clocks.start(id, row("p3-business-hours", "PT4H", "PT24H", null, "business-hours", List.of(0.75), false), 1, 1);
    clock.set(Instant.parse("2026-12-02T09:20:00Z"));
    Ticket raised = tickets.findById(id).orElseThrow();
    raised.changePriority(Priority.P1);
    tickets.save(raised);

    Map<String, Object> vars = clocks.recomputeForPriority(id,
        row("p1-around-the-clock", "PT15M", "PT4H", null, "24x7", List.of(0.75), false), 1, 2);

    assertThat(vars).containsEntry(Variables.RESPONSE_CLOCK_RUNNING, true)
        .containsEntry(Variables.RESPONSE_DUE_AT, "2026-12-02T09:20:00Z")
        .containsEntry(Variables.RESPONSE_WARNING_AT, "2026-12-02T09:20:00Z")
        // 20 minutes of the 4 hours spent: 3 h 40 min left around the clock
        .containsEntry(Variables.RESOLUTION_DUE_AT, "2026-12-02T13:00:00Z");
    assertThat(applied.findFirstByTicketIdOrderByIdDesc(id).orElseThrow().ruleId()).isEqualTo("p1-around-the-clock");
    assertThat(audit.timeline(id).stream().filter(e -> e.type() == AuditEventType.SLA_CLOCKS_STARTED).toList())
        .last().extracting(AuditEvent::detail).asString()
        .startsWith("P1 at tier 1, time already spent counted: response due Wed 2 Dec 2026, 10:20 CET");
  }

  @Test
  void aMetResponseClockStaysMetWhenThePriorityChanges() {
    long id = open(Priority.P3);
    clocks.start(id, enterprise(), 1, 1);
    Ticket answered = tickets.findById(id).orElseThrow();
    answered.ownerResponded();
    tickets.save(answered);
    clock.set(Instant.parse("2026-12-05T10:00:00Z"));

    Map<String, Object> vars = clocks.recomputeForPriority(id, enterprise(), 1, 1);

    assertThat(vars).containsEntry(Variables.RESPONSE_CLOCK_RUNNING, false)
        .containsEntry(Variables.RESOLUTION_DUE_AT, "2026-12-05T17:00:00Z");
  }

  @Test
  void aProcessVersionWithoutThePolicyTableKeepsTheConfiguredTargetsOfThePriority() {
    long id = open(Priority.P1);

    Map<String, Object> vars = clocks.start(id, null, 7, 1);

    assertThat(vars).containsEntry(Variables.RESPONSE_DUE_AT, "2026-12-05T09:15:00Z");
    assertThat(applied.findFirstByTicketIdOrderByIdDesc(id).orElseThrow().ruleId()).isEqualTo("properties-p1");
  }

  private List<Notification> mails(long id, NotificationKind kind) {
    return notifications.findAll().stream().filter(n -> n.ticketId() != null && n.ticketId() == id && n.kind() == kind)
        .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
  }

  private long open(Priority priority) {
    Ticket ticket = Ticket.open(new Customer("Sky Customer", "sky@x.test", "en", false, null, "ENTERPRISE"), "email", "Export",
        "The export hangs", priority, Category.TECHNICAL, 3, clock.instant());
    ticket.assignTo(OWNER);
    return tickets.save(ticket).id();
  }

  private static Map<String, Object> enterprise() {
    Map<String, Object> row = row("enterprise-around-the-clock", "PT30M", "PT8H", "PT1H", "24x7", List.of(0.5, 0.75), true);
    row.put(SlaPolicy.REASON, "ENTERPRISE plan: answered around the clock");
    return row;
  }

  private static Map<String, Object> row(String ruleId, String response, String resolution, String nextReply, String calendar,
      List<Double> thresholds, boolean notifyManager) {
    Map<String, Object> row = new HashMap<>();
    row.put(SlaPolicy.RULE_ID, ruleId);
    row.put(SlaPolicy.RESPONSE_TARGET, response);
    row.put(SlaPolicy.RESOLUTION_TARGET, resolution);
    row.put(SlaPolicy.NEXT_REPLY_TARGET, nextReply);
    row.put(SlaPolicy.CALENDAR, calendar);
    row.put(SlaPolicy.WARNING_THRESHOLDS, thresholds);
    row.put(SlaPolicy.NOTIFY_MANAGER_ON_BREACH, notifyManager);
    return row;
  }

  private static ActivatedJob job() {
    long key = JOB_KEYS.incrementAndGet();
    return FakeJobs.job(key, JobTypes.NOTIFY_SLA_WARNING);
  }
}
