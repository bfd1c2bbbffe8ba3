package dev.escalation.processes.sla;

import static dev.escalation.processes.TicketProcessDriver.clocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.Elements;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.processes.TicketProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S3 in the ticket process: on a PREMIUM ticket (policy row premium-next-reply, next reply within 4 h) a
 * customer message starts the next-reply clock, the owner's answer stops it, it warns at its thresholds
 * and escalates on breach with its own breach task; a pause carries the time left over; a row without a
 * next-reply target leaves the tier work as it was. The test plays the workers: the dates are theirs.
 */
@ZeebeProcessTest
class NextReplyProcessTest {
  ZeebeTestEngine engine;
  ZeebeClient client;
  TicketProcessDriver ticket;
  Instant start;

  @BeforeEach
  void deploy() {
    ticket = new TicketProcessDriver(engine, client);
    start = ticket.clock().now();
  }

  /** Opens and acknowledges a P3 ticket on {@code plan} whose response and resolution clocks are not running, to watch the third one alone. */
  private void openOn(long id, String plan) {
    ticket.start(id, "P3");
    Map<String, Object> triage = TicketProcessDriver.neutralTriage();
    triage.put(Variables.PLAN, plan);
    ticket.complete(JobTypes.TRIAGE, triage);
    ticket.complete(JobTypes.APPLY_CRITERIA);
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(null, null, null, null));
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
  }

  private static Map<String, Object> nextReplyClock(Instant warningAt, Instant dueAt) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.NEXT_REPLY_CLOCK_RUNNING, dueAt != null);
    vars.put(Variables.NEXT_REPLY_WARNING_AT, TicketProcessDriver.iso(warningAt));
    vars.put(Variables.NEXT_REPLY_DUE_AT, TicketProcessDriver.iso(dueAt));
    return vars;
  }

  /** The customer writes; start-next-reply-clock starts a clock warning at 2 h and due at 4 h from now. */
  private Instant customerWritesAndTheClockStarts() {
    Instant now = ticket.clock().now();
    ticket.publish(Messages.CUSTOMER_AWAITS_REPLY, Map.of());
    Instant due = now.plus(Duration.ofHours(4));
    ticket.complete(JobTypes.START_NEXT_REPLY_CLOCK, nextReplyClock(now.plus(Duration.ofHours(2)), due));
    return due;
  }

  @Test
  void aCustomerMessageStartsTheClockAndTheOwnersReplyStopsIt() {
    openOn(1, "PREMIUM");
    ticket.instance().hasPassedElement(Elements.NEXT_REPLY_PROMISE).isWaitingAtElements(Elements.AWAIT_CUSTOMER_MESSAGE);
    ticket.assertNoJob(JobTypes.START_NEXT_REPLY_CLOCK);

    Instant due = customerWritesAndTheClockStarts();
    ticket.instance().isWaitingAtElements(Elements.AWAIT_CUSTOMER_ANSWER);

    // the owner's reply, as POST /api/tickets/{id}/replies sends it: the owner action and the answer to the clock
    ticket.ownerActs(Actions.REPLY);
    ticket.publish(Messages.CUSTOMER_ANSWERED, Map.of());
    ticket.instance().hasPassedElement(Elements.AWAIT_CUSTOMER_ANSWER)
        .isWaitingAtElements(Elements.AWAIT_CUSTOMER_MESSAGE, Elements.AWAIT_OWNER_ACTION);
    ticket.clock().advanceTo(due.plusSeconds(60));
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.instance().hasNotPassedElement(Elements.NEXT_REPLY_SLA_BREACHED).isWaitingAtElements(Elements.AWAIT_CUSTOMER_MESSAGE);
  }

  @Test
  void itWarnsAtItsThresholdAndBreachesExactlyAfterItsDeadlineAndTheBreachEscalates() {
    openOn(2, "PREMIUM");
    Instant due = customerWritesAndTheClockStarts();
    Instant warningAt = due.minus(Duration.ofHours(2));

    ticket.clock().advanceTo(warningAt.minusSeconds(5));
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advanceTo(warningAt.plusSeconds(5));
    assertThat(ticket.complete(JobTypes.NOTIFY_SLA_WARNING, Map.of(Variables.NEXT_REPLY_WARNINGS_LEFT, false)))
        .containsEntry(Variables.CLOCK, "NEXT_REPLY");
    ticket.instance().hasPassedElement(Elements.NOTIFY_NEXT_REPLY_WARNING).hasPassedElement(Elements.MORE_NEXT_REPLY_WARNINGS)
        .isWaitingAtElements(Elements.AWAIT_CUSTOMER_ANSWER);

    ticket.clock().advanceTo(due.minusSeconds(5));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.instance().hasNotPassedElement(Elements.NEXT_REPLY_SLA_BREACHED);
    ticket.clock().advanceTo(due.plusSeconds(5));
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true, Variables.NEXT_REPLY_CLOCK_RUNNING, false)))
        .containsEntry(Variables.CLOCK, "NEXT_REPLY");
    ticket.complete(JobTypes.ESCALATE_TICKET, Map.of(Variables.TIER, 2, Variables.HANDOFF, 1,
        Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED));
    ticket.complete(JobTypes.ASSIGN_OWNER);

    ticket.instance().hasPassedElementsInOrder(Elements.NEXT_REPLY_DUE, Elements.NEXT_REPLY_SLA_BREACHED,
        Elements.RECORD_NEXT_REPLY_BREACH, Elements.ESCALATE_TICKET);
    assertThat(ticket.jobLog()).containsSubsequence("notify-sla-warning:NEXT_REPLY", "record-sla-breach:NEXT_REPLY", "escalate-ticket");
  }

  @Test
  void askingTheCustomerPausesItAndTheReplyResumesItWithTheTimeLeft() {
    openOn(3, "PREMIUM");
    customerWritesAndTheClockStarts();
    ticket.clock().advance(Duration.ofHours(3));
    ticket.ownerActs(Actions.WAIT);
    ticket.complete(JobTypes.PAUSE_SLA_CLOCKS);
    ticket.instance().isWaitingAtElements(Elements.AWAIT_CUSTOMER_REPLY);

    // Two days later the customer replies; resume-sla-clocks gives the clock the hour it had left.
    ticket.clock().advance(Duration.ofDays(2));
    Instant resumed = ticket.clock().now();
    ticket.publish(Messages.CUSTOMER_REPLIED, Map.of());
    Map<String, Object> clocks = clocks(null, null, null, null);
    clocks.putAll(nextReplyClock(resumed, resumed.plus(Duration.ofHours(1))));
    ticket.complete(JobTypes.RESUME_SLA_CLOCKS, clocks);

    // at the opening, after the customer's message, and now after the resume
    ticket.instance().hasPassedElement(Elements.NEXT_REPLY_CLOCK_RUNNING, 3).hasPassedElement(Elements.START_NEXT_REPLY_CLOCK, 1)
        .isWaitingAtElements(Elements.AWAIT_CUSTOMER_ANSWER);
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING, Map.of(Variables.NEXT_REPLY_WARNINGS_LEFT, false));
    ticket.clock().advanceTo(resumed.plus(Duration.ofMinutes(59)));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advanceTo(resumed.plus(Duration.ofMinutes(60)).plusSeconds(5));
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true)))
        .containsEntry(Variables.CLOCK, "NEXT_REPLY");
  }

  @Test
  void aMessageWhileTheClockRunsWaitsAndTheWorkerDecidesWhenTheAnswerCame() {
    openOn(4, "PREMIUM");
    customerWritesAndTheClockStarts();
    ticket.publish(Messages.CUSTOMER_AWAITS_REPLY, Map.of());
    ticket.assertNoJob(JobTypes.START_NEXT_REPLY_CLOCK);
    ticket.instance().isWaitingAtElements(Elements.AWAIT_CUSTOMER_ANSWER);

    // The answer covers both messages; the buffered one reaches the clock start, which finds the owner had the last word.
    ticket.publish(Messages.CUSTOMER_ANSWERED, Map.of());
    ticket.complete(JobTypes.START_NEXT_REPLY_CLOCK, nextReplyClock(null, null));
    ticket.instance().hasPassedElement(Elements.START_NEXT_REPLY_CLOCK, 2).isWaitingAtElements(Elements.AWAIT_CUSTOMER_MESSAGE);
  }

  @Test
  void withoutANextReplyTargetNoClockWaitsForCustomerMessages() {
    openOn(5, "STANDARD");
    ticket.instance().hasPassedElementsInOrder(Elements.NEXT_REPLY_PROMISE, Elements.NO_NEXT_REPLY_PROMISE)
        .hasNotPassedElement(Elements.AWAIT_CUSTOMER_MESSAGE);

    ticket.publish(Messages.CUSTOMER_AWAITS_REPLY, Map.of());
    ticket.assertNoJob(JobTypes.START_NEXT_REPLY_CLOCK);
    ticket.clock().advance(Duration.ofDays(3));
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    assertThat(ticket.jobLog()).doesNotContain(JobTypes.START_NEXT_REPLY_CLOCK);
    ticket.instance().hasNotPassedElement(Elements.AWAIT_CUSTOMER_MESSAGE).hasNotPassedElement(Elements.AWAIT_CUSTOMER_ANSWER);
  }
}
