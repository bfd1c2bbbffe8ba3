package dev.escalation.processes;

import static dev.escalation.processes.TicketProcessDriver.clocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.Elements;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ZeebeProcessTest
class TicketEscalationProcessTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  ZeebeTestEngine engine;
  ZeebeClient client;
  TicketProcessDriver ticket;

  @BeforeEach
  void deploy() {
    ticket = new TicketProcessDriver(engine, client);
  }

  private Map<String, Object> escalated(int tier) {
    return Map.of(Variables.TIER, tier, Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED);
  }

  @Test
  void openingAssignsAnOwnerStartsBothClocksAndAcknowledges() {
    ticket.open(1, "P1");
    Map<String, Object> seen = ticket.complete(JobTypes.ASSIGN_OWNER);
    assertThat(seen).containsEntry(Variables.TICKET_ID, 1).containsEntry(Variables.TIER, 1);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);

    ticket
        .instance()
        .hasPassedElementsInOrder(Elements.TICKET_OPENED, Elements.ASSIGN_OWNER, Elements.START_SLA_CLOCKS, Elements.ACKNOWLEDGE_TICKET)
        .hasNotPassedElement(Elements.NOTIFY_CUSTOMER_OF_ESCALATION)
        .hasNotPassedElement(Elements.PAGE_ON_DUTY_MANAGER)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE, Elements.RESOLUTION_WARNING_TIMER)
        .isWaitingForMessages(Messages.OWNER_ACTION);
    assertThat(ticket.jobLog()).containsExactly("assign-owner", "start-sla-clocks", "acknowledge-ticket");
  }

  @Test
  void responseWarningFiresAtSeventyFivePercentAndNotBefore() {
    ticket.openAndAcknowledge(2, "P1", ticket.p1ClocksFromNow());

    ticket.clock().advance(Duration.ofSeconds(660)); // 11:00 of 15:00, warning due at 11:15
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);

    ticket.clock().advance(Duration.ofSeconds(20));
    Map<String, Object> seen = ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    assertThat(seen).containsEntry(Variables.CLOCK, "RESPONSE");
    ticket.instance().hasPassedElement(Elements.NOTIFY_RESPONSE_WARNING).isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE);
  }

  @Test
  void p1ResponseBreachEscalatesToTierTwoNotifiesCustomerAndPagesManager() {
    ticket.openAndAcknowledge(3, "P1", ticket.p1ClocksFromNow());
    ticket.clock().advance(Duration.ofSeconds(680));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);

    ticket.clock().advance(Duration.ofSeconds(200)); // 14:40, due at 15:00
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.instance().hasNotPassedElement(Elements.RESPONSE_SLA_DUE);

    ticket.clock().advance(Duration.ofSeconds(30));
    Map<String, Object> seen = ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true));
    assertThat(seen).containsEntry(Variables.CLOCK, "RESPONSE");
    Map<String, Object> escalation = ticket.complete(JobTypes.ESCALATE_TICKET, escalated(2));
    assertThat(escalation).containsEntry(Variables.TIER, 1);
    assertThat(ticket.complete(JobTypes.ASSIGN_OWNER)).containsEntry(Variables.TIER, 2);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);
    ticket.complete(JobTypes.PAGE_ON_DUTY_MANAGER);

    ticket
        .instance()
        .hasPassedElementsInOrder(
            Elements.ASSIGN_OWNER,
            Elements.START_SLA_CLOCKS,
            Elements.RESPONSE_SLA_DUE,
            Elements.RESPONSE_SLA_BREACHED,
            Elements.RECORD_RESPONSE_BREACH,
            Elements.ESCALATE_TICKET,
            Elements.ASSIGN_OWNER,
            Elements.START_SLA_CLOCKS,
            Elements.NOTIFY_CUSTOMER_OF_ESCALATION,
            Elements.PAGE_ON_DUTY_MANAGER)
        .hasNotPassedElement(Elements.ALERT_HEAD_OF_SUPPORT)
        .hasPassedElement(Elements.ACKNOWLEDGE_TICKET, 1)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE, Elements.RESOLUTION_WARNING_TIMER);
    assertThat(ticket.jobLog())
        .containsExactly(
            "assign-owner",
            "start-sla-clocks",
            "acknowledge-ticket",
            "notify-sla-warning:RESPONSE",
            "record-sla-breach:RESPONSE",
            "escalate-ticket",
            "assign-owner",
            "start-sla-clocks",
            "notify-customer-of-escalation",
            "page-on-duty-manager");
  }

  @Test
  void p2EscalationDoesNotPage() {
    Instant now = ticket.clock().now();
    ticket.openAndAcknowledge(4, "P2", clocks(now.plusSeconds(2700), now.plusSeconds(3600), null, null));
    ticket.clock().advance(Duration.ofMinutes(46));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advance(Duration.ofMinutes(15));
    ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true));
    ticket.complete(JobTypes.ESCALATE_TICKET, escalated(2));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(null, null, null, null));
    ticket.complete(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);

    ticket.assertNoJob(JobTypes.PAGE_ON_DUTY_MANAGER);
    ticket.instance().hasNotPassedElement(Elements.PAGE_ON_DUTY_MANAGER).isWaitingAtElements(Elements.AWAIT_OWNER_ACTION);
  }

  @Test
  void anAttemptStopsTheResponseClockButNotTheResolutionClock() {
    ticket.openAndAcknowledge(5, "P1", ticket.p1ClocksFromNow());
    ticket.clock().advance(Duration.ofMinutes(5));
    ticket.recordAttempt();
    ticket.recordAttempt();

    ticket.instance().isWaitingAtElements(Elements.AWAIT_OWNER_ACTION).hasVariableWithValue(Variables.RESPONSE_CLOCK_RUNNING, false);
    ticket.clock().advance(Duration.ofMinutes(20)); // well past the 15 min response target
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);

    ticket.clock().advance(Duration.ofMinutes(156)); // 3h01: resolution warning at 3h
    assertThat(ticket.complete(JobTypes.NOTIFY_SLA_WARNING)).containsEntry(Variables.CLOCK, "RESOLUTION");
    ticket.clock().advance(Duration.ofMinutes(58)); // 3h59
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advance(Duration.ofMinutes(2));
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true)))
        .containsEntry(Variables.CLOCK, "RESOLUTION");
    ticket.instance().hasPassedElement(Elements.RESOLUTION_SLA_BREACHED).hasNotPassedElement(Elements.RESPONSE_SLA_BREACHED);
    ticket.complete(JobTypes.ESCALATE_TICKET, escalated(2));
    ticket.instance().hasPassedElement(Elements.AWAIT_FIRST_RESPONSE, 1).hasPassedElement(Elements.AWAIT_OWNER_ACTION, 1);
  }

  @Test
  void manualEscalationGoesStraightToEscalateWithoutABreach() {
    ticket.openAndAcknowledge(6, "P3", clocks(null, null, null, null));
    ticket.ownerActs(Actions.ESCALATE, Map.of(Variables.ESCALATION_TYPE, "FUNCTIONAL", Variables.HANDOFF_NOTE_ID, 77));

    Map<String, Object> seen = ticket.complete(JobTypes.ESCALATE_TICKET, escalated(2));
    assertThat(seen).containsEntry(Variables.ESCALATION_TYPE, "FUNCTIONAL").containsEntry(Variables.HANDOFF_NOTE_ID, 77);
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(null, null, null, null));
    ticket.complete(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);
    ticket.instance().hasNotPassedElement(Elements.RECORD_RESPONSE_BREACH).hasNotPassedElement(Elements.PAGE_ON_DUTY_MANAGER);
  }

  /** The audit trail names who acted (H6): each owner action's actor reaches the job that records it. */
  @Test
  void theActionsJobSeesTheOwnerWhoActedNotTheOneWhoActedBefore() {
    Instant now = ticket.clock().now();
    ticket.openAndAcknowledge(14, "P2", clocks(now.plusSeconds(2700), now.plusSeconds(3600), null, null));
    ticket.ownerActs(Actions.ESCALATE, Map.of(Variables.ACTOR, "agent1", Variables.ESCALATION_TYPE, "FUNCTIONAL",
        Variables.HANDOFF_NOTE_ID, 78));
    ticket.complete(JobTypes.ESCALATE_TICKET, escalated(2));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    Instant later = ticket.clock().now();
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(later.plusSeconds(2700), later.plusSeconds(3600), null, null));
    ticket.complete(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);
    ticket.instance().isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE);

    ticket.ownerActs(Actions.RESOLVE, Map.of(Variables.ACTOR, "billing1"));
    Map<String, Object> seen = ticket.complete(JobTypes.RESOLVE_TICKET,
        Map.of(Variables.REOPEN_DEADLINE, ticket.clock().now().plus(Duration.ofDays(7)).toString()));

    assertThat(seen).containsEntry(Variables.ACTOR, "billing1");
  }

  @Test
  void breachAtTheTopTierAlertsHeadOfSupportOnceAndDoesNotLoop() {
    Instant now = ticket.clock().now();
    ticket.openAndAcknowledge(7, "P1", clocks(null, null, now.plusSeconds(30), now.plusSeconds(60)));
    ticket.clock().advance(Duration.ofSeconds(40));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advance(Duration.ofSeconds(30));
    ticket.complete(
        JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, false, Variables.RESOLUTION_CLOCK_RUNNING, false));
    ticket.complete(JobTypes.ALERT_HEAD_OF_SUPPORT);

    ticket.clock().advance(Duration.ofDays(2));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.assertNoJob(JobTypes.ALERT_HEAD_OF_SUPPORT);
    ticket
        .instance()
        .hasNotPassedElement(Elements.ESCALATE_TICKET)
        .hasPassedElement(Elements.ALERT_HEAD_OF_SUPPORT, 1)
        .isWaitingAtElements(Elements.AWAIT_OWNER_ACTION);
  }

  @Test
  void waitingOnTheCustomerPausesBothClocksAndTheReplyResumesThem() {
    ticket.openAndAcknowledge(8, "P1", ticket.p1ClocksFromNow());
    ticket.clock().advance(Duration.ofMinutes(10));
    ticket.ownerActs(Actions.WAIT);
    ticket.complete(JobTypes.PAUSE_SLA_CLOCKS);
    ticket.instance().isWaitingAtElements(Elements.AWAIT_CUSTOMER_REPLY).isWaitingForMessages(Messages.CUSTOMER_REPLIED);

    ticket.clock().advance(Duration.ofHours(6)); // both original deadlines pass while paused
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);

    ticket.publish(Messages.CUSTOMER_REPLIED, Map.of());
    Instant resumed = ticket.clock().now();
    // 5 min of response and 3h50 of resolution were left
    ticket.complete(
        JobTypes.RESUME_SLA_CLOCKS,
        clocks(resumed, resumed.plusSeconds(300), resumed.plusSeconds(10 * 60 * 60), resumed.plus(Duration.ofMinutes(230))));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING); // warning already due: the worker decides whether it was sent

    ticket.clock().advance(Duration.ofSeconds(280));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advance(Duration.ofSeconds(30));
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true)))
        .containsEntry(Variables.CLOCK, "RESPONSE");
    ticket.instance().hasPassedElementsInOrder(Elements.PAUSE_SLA_CLOCKS, Elements.AWAIT_CUSTOMER_REPLY, Elements.RESUME_SLA_CLOCKS, Elements.RESPONSE_SLA_BREACHED);
  }

  @Test
  void businessHoursTicketOpenedFridayEveningBreachesMondayNotOverTheWeekend() {
    Instant fridayEvening = ticket.clock().next(DayOfWeek.FRIDAY, 18, 30, BERLIN);
    ticket.clock().advanceTo(fridayEvening);
    ZonedDateTime monday = fridayEvening.atZone(BERLIN).plusDays(3);
    Instant warningAt = monday.withHour(9).withMinute(45).toInstant();
    Instant dueAt = monday.withHour(10).withMinute(0).toInstant();
    ticket.openAndAcknowledge(9, "P2", clocks(warningAt, dueAt, null, null));

    ticket.clock().advanceTo(monday.withHour(9).withMinute(0).toInstant()); // whole weekend passes
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advanceTo(warningAt.plusSeconds(1));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advanceTo(dueAt.minusSeconds(60));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advanceTo(dueAt.plusSeconds(1));
    ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true));
    ticket.instance().hasPassedElement(Elements.RESPONSE_SLA_BREACHED);
  }

  @Test
  void aPauseThatSpansTheWeekendFiresNothingAndResumesMondayWithTheTimeLeft() {
    Instant friday1600 = ticket.clock().next(DayOfWeek.FRIDAY, 16, 0, BERLIN);
    ticket.clock().advanceTo(friday1600);
    ZonedDateTime friday = friday1600.atZone(BERLIN);
    ticket.openAndAcknowledge(13, "P2", clocks(
        friday.withHour(16).withMinute(45).toInstant(), friday.withHour(17).withMinute(0).toInstant(), null, null));

    ticket.clock().advanceTo(friday.withHour(16).withMinute(30).toInstant());
    ticket.ownerActs(Actions.WAIT);
    ticket.complete(JobTypes.PAUSE_SLA_CLOCKS);
    ZonedDateTime monday = friday.plusDays(3).withHour(10).withMinute(0);
    ticket.clock().advanceTo(monday.toInstant());
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);

    ticket.publish(Messages.CUSTOMER_REPLIED, Map.of());
    // 30 business minutes were left: due 10:30, warning when a quarter of the hour is left
    ticket.complete(JobTypes.RESUME_SLA_CLOCKS, clocks(
        monday.withMinute(15).toInstant(), monday.withMinute(30).toInstant(), null, null));
    ticket.clock().advanceTo(monday.withMinute(14).toInstant());
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advanceTo(monday.withMinute(16).toInstant());
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advanceTo(monday.withMinute(29).toInstant());
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advanceTo(monday.withMinute(31).toInstant());
    ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true));
    assertThat(ticket.jobLog()).containsExactly("assign-owner", "start-sla-clocks", "acknowledge-ticket", "pause-sla-clocks",
        "resume-sla-clocks", "notify-sla-warning:RESPONSE", "record-sla-breach:RESPONSE");
  }

  /** N1: answering the customer is a response like an attempt: the owner keeps working at the tier, the resolution clock runs on. */
  @Test
  void aReplyToTheCustomerMeetsTheResponseClockAndTheOwnerWorksOn() {
    ticket.openAndAcknowledge(6, "P1", ticket.p1ClocksFromNow());
    ticket.clock().advance(Duration.ofMinutes(14));
    ticket.ownerActs(Actions.REPLY);
    ticket.instance().hasPassedElement(Elements.AWAIT_FIRST_RESPONSE).isWaitingAtElements(Elements.AWAIT_OWNER_ACTION)
        .hasVariableWithValue(Variables.RESPONSE_CLOCK_RUNNING, false);
    ticket.clock().advance(Duration.ofMinutes(2)); // past the 15 min response target: met, nothing fires
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);

    ticket.ownerActs(Actions.REPLY); // a second answer: still working
    ticket.instance().isWaitingAtElements(Elements.AWAIT_OWNER_ACTION);
    ticket.ownerActs(Actions.RESOLVE);
    ticket.instance().isWaitingAtElements(Elements.RESOLVE_TICKET);
    assertThat(ticket.jobLog()).containsExactly("assign-owner", "start-sla-clocks", "acknowledge-ticket");
  }

  @Test
  void resolvingThenReopeningWithinTheWindowReturnsToWorkWithFreshClocks() {
    ticket.openAndAcknowledge(10, "P1", ticket.p1ClocksFromNow());
    ticket.recordAttempt();
    ticket.ownerActs(Actions.RESOLVE);
    Instant deadline = ticket.clock().now().plus(Duration.ofDays(7));
    ticket.complete(JobTypes.RESOLVE_TICKET, Map.of(Variables.REOPEN_DEADLINE, deadline.toString()));
    ticket.instance().isWaitingAtElements(Elements.AWAIT_REOPEN).isWaitingForMessages(Messages.TICKET_REOPENED);

    ticket.clock().advance(Duration.ofDays(6));
    ticket.assertNoJob(JobTypes.CLOSE_TICKET);
    ticket.publish(Messages.TICKET_REOPENED, Map.of());
    ticket.complete(JobTypes.REOPEN_TICKET, Map.of(Variables.ASSIGNMENT_REASON, AssignmentReasons.REOPENED));
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());

    ticket
        .instance()
        .hasPassedElementsInOrder(
            Elements.START_SLA_CLOCKS, Elements.RESOLVE_TICKET, Elements.AWAIT_REOPEN, Elements.REOPEN_TICKET, Elements.START_SLA_CLOCKS)
        .hasPassedElement(Elements.ASSIGN_OWNER, 1)
        .hasPassedElement(Elements.ACKNOWLEDGE_TICKET, 1)
        .hasNotPassedElement(Elements.NOTIFY_CUSTOMER_OF_ESCALATION)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE);
    ticket.clock().advance(Duration.ofDays(2)); // the old reopen deadline passes: no close
    ticket.assertNoJob(JobTypes.CLOSE_TICKET);
  }

  @Test
  void withoutReopenTheTicketClosesWhenTheWindowEnds() {
    ticket.openAndAcknowledge(11, "P4", clocks(null, null, null, null));
    ticket.ownerActs(Actions.RESOLVE);
    Instant deadline = ticket.clock().now().plus(Duration.ofDays(7));
    ticket.complete(JobTypes.RESOLVE_TICKET, Map.of(Variables.REOPEN_DEADLINE, deadline.toString()));

    ticket.clock().advanceTo(deadline.minusSeconds(60));
    ticket.assertNoJob(JobTypes.CLOSE_TICKET);
    ticket.clock().advanceTo(deadline.plusSeconds(1));
    ticket.complete(JobTypes.CLOSE_TICKET);

    ticket
        .instance()
        .hasPassedElementsInOrder(Elements.RESOLVE_TICKET, Elements.REOPEN_WINDOW_EXPIRED, Elements.CLOSE_TICKET, Elements.TICKET_CLOSED)
        .hasNotPassedElement(Elements.REOPEN_TICKET)
        .isCompleted();
    assertThat(ticket.jobLog()).containsExactly(
        "assign-owner", "start-sla-clocks", "acknowledge-ticket", "resolve-ticket", "close-ticket");
  }

  @Test
  void resolvingBeforeAnyAttemptIsAlsoAnAction() {
    ticket.openAndAcknowledge(12, "P1", ticket.p1ClocksFromNow());
    ticket.ownerActs(Actions.RESOLVE);
    ticket.clock().advance(Duration.ofMinutes(30));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.complete(JobTypes.RESOLVE_TICKET, Map.of(Variables.REOPEN_DEADLINE, ticket.clock().now().plus(Duration.ofDays(7)).toString()));
    ticket.instance().isWaitingExactlyAtElements(Elements.AWAIT_REOPEN);
    assertThat(List.copyOf(ticket.jobLog())).doesNotContain("record-sla-breach:RESPONSE");
  }

  /**
   * Two escalations of one tier-1 ticket: the second was made at handoff 0 too, but reached the
   * process only after the first had handed the ticket to tier 2 (handoff 1). It is recorded, not
   * carried out, and does not stop the new owner's response clock; a stale resolution at the next
   * wait is ignored the same way, and the new owner's own action then goes through.
   */
  @Test
  void anOwnerActionMadeAtAnEarlierHandoffIsRecordedAndIgnored() {
    Instant now = ticket.clock().now();
    ticket.openAndAcknowledge(15, "P2", clocks(now.plusSeconds(2700), now.plusSeconds(3600), null, null));
    ticket.ownerActs(Actions.ESCALATE, Map.of(Variables.ACTOR, "agent1", Variables.ACTION_TIER, 1,
        Variables.ESCALATION_TYPE, "FUNCTIONAL", Variables.HANDOFF_NOTE_ID, 80));
    ticket.complete(JobTypes.ESCALATE_TICKET, Map.of(Variables.TIER, 2, Variables.HANDOFF, 1,
        Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    Instant later = ticket.clock().now();
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(later.plusSeconds(2700), later.plusSeconds(3600), null, null));
    ticket.complete(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);

    ticket.ownerActs(Actions.ESCALATE, Map.of(Variables.ACTOR, "agent1", Variables.ACTION_HANDOFF, 0, Variables.ACTION_TIER, 1,
        Variables.ESCALATION_TYPE, "FUNCTIONAL", Variables.HANDOFF_NOTE_ID, 81));
    Map<String, Object> ignoredEscalation = ticket.complete(JobTypes.IGNORE_STALE_ACTION);

    assertThat(ignoredEscalation)
        .containsEntry(Variables.ACTION, Actions.ESCALATE)
        .containsEntry(Variables.ACTOR, "agent1")
        .containsEntry(Variables.ACTION_HANDOFF, 0)
        .containsEntry(Variables.ACTION_TIER, 1)
        .containsEntry(Variables.HANDOFF, 1)
        .containsEntry(Variables.TIER, 2)
        .containsEntry(Variables.HANDOFF_NOTE_ID, 81);
    ticket.assertNoJob(JobTypes.ESCALATE_TICKET);
    ticket.instance()
        .hasPassedElement(Elements.IGNORE_STALE_FIRST_ACTION, 1)
        .hasPassedElement(Elements.AWAIT_FIRST_RESPONSE, 2)
        .hasPassedElement(Elements.ESCALATE_TICKET, 1)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE)
        .hasVariableWithValue(Variables.RESPONSE_CLOCK_RUNNING, true);

    // the new owner's attempt is current; a resolution made back at tier 1 arrives after it
    ticket.ownerActs(Actions.ATTEMPT, Map.of(Variables.ACTOR, "billing1", Variables.ACTION_TIER, 2));
    ticket.instance().isWaitingAtElements(Elements.AWAIT_OWNER_ACTION).hasVariableWithValue(Variables.RESPONSE_CLOCK_RUNNING, false);
    ticket.ownerActs(Actions.RESOLVE, Map.of(Variables.ACTOR, "agent1", Variables.ACTION_HANDOFF, 0, Variables.ACTION_TIER, 1));
    assertThat(ticket.complete(JobTypes.IGNORE_STALE_ACTION))
        .containsEntry(Variables.ACTION, Actions.RESOLVE)
        .containsEntry(Variables.ACTOR, "agent1")
        .containsEntry(Variables.ACTION_HANDOFF, 0);
    ticket.assertNoJob(JobTypes.RESOLVE_TICKET);
    ticket.instance().hasPassedElement(Elements.IGNORE_STALE_NEXT_ACTION, 1).isWaitingAtElements(Elements.AWAIT_OWNER_ACTION);

    ticket.ownerActs(Actions.RESOLVE, Map.of(Variables.ACTOR, "billing1", Variables.ACTION_TIER, 2));
    assertThat(ticket.complete(JobTypes.RESOLVE_TICKET, Map.of(Variables.REOPEN_DEADLINE, ticket.clock().now().plus(Duration.ofDays(7)).toString())))
        .containsEntry(Variables.ACTOR, "billing1");
    assertThat(ticket.jobLog()).containsExactly("assign-owner", "start-sla-clocks", "acknowledge-ticket", "escalate-ticket",
        "assign-owner", "start-sla-clocks", "notify-customer-of-escalation", "ignore-stale-action", "ignore-stale-action",
        "resolve-ticket");
  }

  /**
   * W2/W3: a grab (or a reassignment) is an owner action of its own: the process hands the ticket to
   * the person it names, starts the clocks again from that handoff and goes back to work at the same
   * tier, with neither an escalation nor a customer notice; the clock of the replaced owner no longer
   * runs (its breach timer is gone), the new owner's does.
   */
  @Test
  void aGrabHandsTheTicketOverAndStartsTheClocksAgainAtTheSameTier() {
    Instant now = ticket.clock().now();
    ticket.openAndAcknowledge(16, "P2", clocks(now.plusSeconds(2700), now.plusSeconds(3600), null, null));
    ticket.clock().advance(Duration.ofMinutes(50));

    ticket.ownerActs(Actions.HAND_OVER, Map.of(Variables.ACTOR, "billing1", Variables.NEW_OWNER, "billing1",
        Variables.HANDOVER_KIND, "GRAB", Variables.HANDOFF_NOTE_ID, 90, Variables.ACTION_TIER, 1));
    Map<String, Object> seen = ticket.complete(JobTypes.HAND_OVER_TICKET,
        Map.of(Variables.HANDOFF, 1, Variables.ASSIGNMENT_REASON, AssignmentReasons.HANDED_OVER));
    assertThat(seen)
        .containsEntry(Variables.NEW_OWNER, "billing1")
        .containsEntry(Variables.HANDOVER_KIND, "GRAB")
        .containsEntry(Variables.HANDOFF_NOTE_ID, 90)
        .containsEntry(Variables.ACTOR, "billing1");

    // the old response clock would have breached now; the process waits for the new owner's clocks instead
    ticket.clock().advance(Duration.ofMinutes(15));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    Instant later = ticket.clock().now();
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(later.plusSeconds(2700), later.plusSeconds(3600), null, null));

    ticket.instance()
        .hasPassedElementsInOrder(Elements.START_SLA_CLOCKS, Elements.AWAIT_FIRST_RESPONSE, Elements.HAND_OVER_TICKET,
            Elements.START_SLA_CLOCKS)
        .hasNotPassedElement(Elements.ESCALATE_TICKET)
        .hasNotPassedElement(Elements.NOTIFY_CUSTOMER_OF_ESCALATION)
        .hasNotPassedElement(Elements.RECORD_RESPONSE_BREACH)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE)
        .hasVariableWithValue(Variables.TIER, 1)
        .hasVariableWithValue(Variables.HANDOFF, 1);
    assertThat(ticket.jobLog()).containsExactly("assign-owner", "start-sla-clocks", "acknowledge-ticket", "hand-over-ticket",
        "start-sla-clocks");

    // the new owner's clock: breaches at its own due date, a hour after the grab (not a minute before)
    ticket.clock().advance(Duration.ofMinutes(59));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advance(Duration.ofMinutes(2));
    ticket.instance().hasPassedElement(Elements.RESPONSE_SLA_BREACHED);
  }

  /** A reassignment made before the ticket's latest handoff reaches the process as stale: recorded, not carried out. */
  @Test
  void aReassignmentMadeAtAnEarlierHandoffIsIgnored() {
    Instant now = ticket.clock().now();
    ticket.openAndAcknowledge(17, "P3", clocks(now.plusSeconds(2700), now.plusSeconds(3600), null, null));
    ticket.ownerActs(Actions.ATTEMPT, Map.of(Variables.ACTOR, "agent1"));
    ticket.ownerActs(Actions.HAND_OVER, Map.of(Variables.ACTOR, "manager1", Variables.NEW_OWNER, "agent2",
        Variables.HANDOVER_KIND, "REASSIGNMENT", Variables.HANDOFF_NOTE_ID, 91, Variables.ACTION_HANDOFF, 3));
    assertThat(ticket.complete(JobTypes.IGNORE_STALE_ACTION))
        .containsEntry(Variables.ACTION, Actions.HAND_OVER)
        .containsEntry(Variables.ACTOR, "manager1");
    ticket.assertNoJob(JobTypes.HAND_OVER_TICKET);
    ticket.instance().hasPassedElement(Elements.IGNORE_STALE_NEXT_ACTION, 1).isWaitingAtElements(Elements.AWAIT_OWNER_ACTION);
  }
}
