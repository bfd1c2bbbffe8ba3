package dev.escalation.processes.sla;

import static dev.escalation.processes.TicketProcessDriver.clocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation;
import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.Elements;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.SlaPolicy;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.processes.TicketProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S1, S5 in the ticket process: the SLA policy table runs before every clock start (opening, handoff),
 * its promise reaches start-sla-clocks, several warning thresholds warn one after the other, and open
 * tickets keep the table deployed with their process version.
 */
@ZeebeProcessTest
class SlaPolicyInProcessTest {
  ZeebeTestEngine engine;
  ZeebeClient client;
  TicketProcessDriver ticket;

  @BeforeEach
  void deploy() {
    ticket = new TicketProcessDriver(engine, client);
  }

  /** Opens a ticket of this priority for a customer on {@code plan}; the process then waits at assign-owner. */
  private void open(TicketProcessDriver driver, long id, String priority, String plan) {
    driver.start(id, priority);
    Map<String, Object> triage = TicketProcessDriver.neutralTriage();
    triage.put(Variables.PLAN, plan);
    driver.complete(JobTypes.TRIAGE, triage);
    driver.complete(JobTypes.APPLY_CRITERIA);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> policy(Map<String, Object> seen) {
    return (Map<String, Object>) seen.get(Variables.SLA_POLICY);
  }

  @Test
  void thePolicyIsEvaluatedBetweenAssignmentAndTheClocksAndItsPromiseReachesStartSlaClocks() {
    open(ticket, 1, "P3", "ENTERPRISE");
    ticket.complete(JobTypes.ASSIGN_OWNER);

    Map<String, Object> seen = ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());

    assertThat(policy(seen))
        .containsEntry(SlaPolicy.RULE_ID, "enterprise-around-the-clock")
        .containsEntry(SlaPolicy.RESPONSE_TARGET, "PT30M")
        .containsEntry(SlaPolicy.RESOLUTION_TARGET, "PT8H")
        .containsEntry(SlaPolicy.NEXT_REPLY_TARGET, "PT1H")
        .containsEntry(SlaPolicy.CALENDAR, "24x7")
        .containsEntry(SlaPolicy.WARNING_THRESHOLDS, List.of(0.5, 0.75))
        .containsEntry(SlaPolicy.NOTIFY_MANAGER_ON_BREACH, true);
    ticket.instance().hasPassedElementsInOrder(Elements.APPLY_CRITERIA, Elements.ASSIGN_OWNER, Elements.EVALUATE_SLA_POLICY,
        Elements.START_SLA_CLOCKS);
  }

  @Test
  void aHandoffEvaluatesThePolicyAgainForTheNewTierBeforeTheClocksRestart() {
    Instant now = ticket.clock().now();
    open(ticket, 2, "P2", "STANDARD");
    ticket.complete(JobTypes.ASSIGN_OWNER);
    assertThat(policy(ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(now.plusSeconds(2700), now.plusSeconds(3600), null, null))))
        .containsEntry(SlaPolicy.RULE_ID, "p2-business-hours");
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
    ticket.clock().advance(Duration.ofMinutes(46));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advance(Duration.ofMinutes(15));
    ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true));
    ticket.complete(JobTypes.ESCALATE_TICKET, Map.of(Variables.TIER, 2, Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED));
    ticket.complete(JobTypes.ASSIGN_OWNER);

    Map<String, Object> seen = ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());

    assertThat(seen).containsEntry(Variables.TIER, 2);
    assertThat(policy(seen)).containsEntry(SlaPolicy.RULE_ID, "p2-business-hours").containsEntry(SlaPolicy.RESPONSE_TARGET, "PT1H");
    ticket.instance().hasPassedElement(Elements.EVALUATE_SLA_POLICY, 2).hasPassedElementsInOrder(Elements.ASSIGN_OWNER,
        Elements.EVALUATE_SLA_POLICY, Elements.START_SLA_CLOCKS, Elements.ESCALATE_TICKET, Elements.ASSIGN_OWNER,
        Elements.EVALUATE_SLA_POLICY, Elements.START_SLA_CLOCKS);
  }

  @Test
  void eachWarningThresholdWarnsInTurnAndTheNextWaitsForItsDate() {
    Instant start = ticket.clock().now();
    open(ticket, 3, "P3", "ENTERPRISE");
    ticket.complete(JobTypes.ASSIGN_OWNER);
    // 30 minutes around the clock, warnings at 50% and 75%: as start-sla-clocks computes them
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(start.plus(Duration.ofMinutes(15)), start.plus(Duration.ofMinutes(30)),
        start.plus(Duration.ofHours(4)), start.plus(Duration.ofHours(8))));
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);

    ticket.clock().advanceTo(start.plus(Duration.ofMinutes(14)));
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advanceTo(start.plus(Duration.ofMinutes(15)).plusSeconds(5));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING, Map.of(Variables.RESPONSE_WARNINGS_LEFT, true,
        Variables.RESPONSE_WARNING_AT, start.plus(Duration.ofMinutes(22)).plusSeconds(30).toString()));
    ticket.instance().hasPassedElement(Elements.MORE_RESPONSE_WARNINGS).isWaitingAtElements(Elements.NEXT_RESPONSE_WARNING_TIMER,
        Elements.AWAIT_FIRST_RESPONSE);

    ticket.clock().advanceTo(start.plus(Duration.ofMinutes(22)));
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advanceTo(start.plus(Duration.ofMinutes(22)).plusSeconds(35));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING, Map.of(Variables.RESPONSE_WARNINGS_LEFT, false));
    ticket.instance().hasPassedElement(Elements.NOTIFY_RESPONSE_WARNING, 2).hasPassedElement(Elements.RESPONSE_WARNINGS_SENT)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE);

    ticket.clock().advanceTo(start.plus(Duration.ofMinutes(30)).plusSeconds(5));
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true)))
        .containsEntry(Variables.CLOCK, "RESPONSE");
    assertThat(ticket.jobLog()).containsExactly("triage", "apply-criteria", "assign-owner", "start-sla-clocks", "acknowledge-ticket",
        "notify-sla-warning:RESPONSE", "notify-sla-warning:RESPONSE", "record-sla-breach:RESPONSE");
  }

  @Test
  void theResolutionClockWarnsAtEachThresholdBeforeItsDueTimer() {
    Instant start = ticket.clock().now();
    open(ticket, 4, "P3", "ENTERPRISE");
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(null, null, start.plus(Duration.ofHours(4)), start.plus(Duration.ofHours(8))));
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);

    ticket.clock().advanceTo(start.plus(Duration.ofHours(4)).plusSeconds(5));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING, Map.of(Variables.RESOLUTION_WARNINGS_LEFT, true,
        Variables.RESOLUTION_WARNING_AT, start.plus(Duration.ofHours(6)).toString()));
    ticket.instance().isWaitingAtElements(Elements.RESOLUTION_WARNING_TIMER).hasNotPassedElement(Elements.RESOLUTION_DUE_TIMER);

    ticket.clock().advanceTo(start.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(59)));
    ticket.assertNoJob(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advanceTo(start.plus(Duration.ofHours(6)).plusSeconds(5));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING, Map.of(Variables.RESOLUTION_WARNINGS_LEFT, false));
    ticket.instance().hasPassedElement(Elements.NOTIFY_RESOLUTION_WARNING, 2).isWaitingAtElements(Elements.RESOLUTION_DUE_TIMER);

    ticket.clock().advanceTo(start.plus(Duration.ofHours(8)).plusSeconds(5));
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true)))
        .containsEntry(Variables.CLOCK, "RESOLUTION");
  }

  /** S4: a P3 raised to P1 after 20 minutes is past its 15-minute response target: the recomputed clock is due at once. */
  @Test
  void aPriorityChangeEvaluatesThePolicyAgainAndAClockAlreadyPastItsNewTargetEscalatesAtOnce() {
    Instant start = ticket.clock().now();
    open(ticket, 7, "P3", "STANDARD");
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(4)),
        start.plus(Duration.ofHours(18)), start.plus(Duration.ofHours(24))));
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
    ticket.clock().advance(Duration.ofMinutes(20));

    ticket.publish(Messages.PRIORITY_CHANGED, Map.of(Variables.PRIORITY, "P1", Variables.ACTOR, "manager1",
        Variables.PRIORITY_REASON, "the whole shop is down"));
    Instant now = ticket.clock().now();
    Map<String, Object> seen = ticket.complete(JobTypes.START_SLA_CLOCKS,
        clocks(now, now, start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(4))));

    assertThat(seen).containsEntry(Variables.PRIORITY, "P1").containsEntry(Variables.ASSIGNMENT_REASON, AssignmentReasons.PRIORITY_CHANGED);
    assertThat(policy(seen)).containsEntry(SlaPolicy.RULE_ID, "p1-around-the-clock");
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true)))
        .containsEntry(Variables.CLOCK, "RESPONSE");
    ticket.complete(JobTypes.ESCALATE_TICKET, Map.of(Variables.TIER, 2, Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED));
    ticket.instance()
        .hasPassedElementsInOrder(Elements.ASSIGN_OWNER, Elements.EVALUATE_SLA_POLICY, Elements.START_SLA_CLOCKS,
            Elements.ACKNOWLEDGE_TICKET, Elements.PRIORITY_CHANGED, Elements.EVALUATE_SLA_POLICY, Elements.START_SLA_CLOCKS,
            Elements.RESPONSE_SLA_DUE, Elements.RECORD_RESPONSE_BREACH, Elements.ESCALATE_TICKET)
        .hasPassedElement(Elements.ACKNOWLEDGE_TICKET, 1)
        .isWaitingAtElements(Elements.ASSIGN_OWNER);
  }

  @Test
  void aPriorityChangeBeforeTheNewTargetLeavesTheClockRunning() {
    Instant start = ticket.clock().now();
    open(ticket, 8, "P3", "STANDARD");
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(4)),
        start.plus(Duration.ofHours(18)), start.plus(Duration.ofHours(24))));
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
    ticket.clock().advance(Duration.ofMinutes(10));

    ticket.publish(Messages.PRIORITY_CHANGED, Map.of(Variables.PRIORITY, "P1", Variables.ACTOR, "agent1",
        Variables.PRIORITY_REASON, "more customers affected"));
    Instant now = ticket.clock().now();
    // 10 of 15 minutes spent: due in 5, the 75% warning in 1:15
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(now.plusSeconds(75), now.plusSeconds(300), null, null));

    ticket.clock().advance(Duration.ofSeconds(60));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advance(Duration.ofSeconds(30));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advance(Duration.ofSeconds(200));
    ticket.assertNoJob(JobTypes.RECORD_SLA_BREACH);
    ticket.clock().advance(Duration.ofSeconds(20));
    assertThat(ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true))).containsEntry(Variables.CLOCK, "RESPONSE");
  }

  @Test
  void aRedeployedPolicyAppliesToNewTicketsWhileOpenTicketsKeepTheVersionTheyStartedWith() throws IOException {
    open(ticket, 5, "P3", "STANDARD");
    ticket.complete(JobTypes.ASSIGN_OWNER);
    assertThat(policy(ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow())))
        .containsEntry(SlaPolicy.RESPONSE_TARGET, "PT4H");
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);

    String changed = resource(SlaPolicy.RESOURCE).replace("<text>\"PT4H\"</text>\n        </outputEntry>\n        <outputEntry id=\"P3BusinessHoursResolutionTargetEntry\">",
        "<text>\"PT2H\"</text>\n        </outputEntry>\n        <outputEntry id=\"P3BusinessHoursResolutionTargetEntry\">");
    assertThat(changed).contains("\"PT2H\"");
    client.newDeployResourceCommand()
        .addResourceBytes(resource(TicketEscalation.RESOURCE).getBytes(StandardCharsets.UTF_8), TicketEscalation.RESOURCE)
        .addResourceFromClasspath(TicketEscalation.Criteria.RESOURCE)
        .addResourceStringUtf8(changed, SlaPolicy.RESOURCE)
        .send()
        .join();

    ticket.clock().advance(Duration.ofMinutes(12));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advance(Duration.ofMinutes(4));
    ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true));
    ticket.complete(JobTypes.ESCALATE_TICKET, Map.of(Variables.TIER, 2, Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    assertThat(policy(ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow())))
        .as("the open ticket still evaluates the table deployed with its process version")
        .containsEntry(SlaPolicy.RESPONSE_TARGET, "PT4H");

    TicketProcessDriver fresh = new TicketProcessDriver(engine, client, false);
    open(fresh, 6, "P3", "STANDARD");
    fresh.complete(JobTypes.ASSIGN_OWNER);
    assertThat(policy(fresh.complete(JobTypes.START_SLA_CLOCKS, fresh.p1ClocksFromNow())))
        .as("a new ticket starts on the new deployment")
        .containsEntry(SlaPolicy.RESPONSE_TARGET, "PT2H");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SlaPolicyInProcessTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
