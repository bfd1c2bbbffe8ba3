package dev.escalation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.RefundApproval.Decisions;
import dev.escalation.processes.RefundApproval.Elements;
import dev.escalation.processes.RefundApproval.JobTypes;
import dev.escalation.processes.RefundApproval.Messages;
import dev.escalation.processes.RefundApproval.Variables;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refund-approval process (A1, A2) called from a running ticket's process, with the test playing every worker. */
@ZeebeProcessTest
class RefundApprovalProcessTest {
  ZeebeTestEngine engine;
  ZeebeClient client;
  TicketProcessDriver ticket;

  @BeforeEach
  void deploy() {
    ticket = new TicketProcessDriver(engine, client);
    client.newDeployResourceCommand()
        .addResourceFromClasspath(RefundApproval.RESOURCE)
        .addResourceFromClasspath(RefundApproval.DECISION_RESOURCE)
        .addResourceFromClasspath(RefundApproval.FORM_RESOURCE)
        .send().join();
    ticket.openAndAcknowledge(7, "P3", ticket.p1ClocksFromNow());
  }

  private void requestRefund(long refundRequestId, double amount, String role) {
    ticket.publish(Messages.REFUND_REQUESTED, Map.of(
        Variables.REFUND_REQUEST_ID, refundRequestId,
        Variables.AMOUNT, amount,
        Variables.CURRENCY, "EUR",
        Variables.REASON, "Charged twice",
        Variables.REQUESTER_ROLE, role));
  }

  private List<ActivatedJob> jobs(String type) {
    ticket.clock().idle();
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(Duration.ofSeconds(1))
        .send().join().getJobs();
  }

  private ActivatedJob single(String type) {
    List<ActivatedJob> jobs = jobs(type);
    assertThat(jobs).as("open jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  private Map<String, Object> complete(String type, Map<String, Object> variables) {
    ActivatedJob job = single(type);
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
    ticket.clock().idle();
    return job.getVariablesAsMap();
  }

  private ProcessInstanceAssert refundInstance(ActivatedJob anyJobOfIt) {
    ticket.clock().idle();
    return new ProcessInstanceAssert(anyJobOfIt.getProcessInstanceKey(), BpmnAssert.getRecordStream());
  }

  private Map<String, Object> reminders(Instant followUpAt, Instant reassignAt) {
    return Map.of(Variables.FOLLOW_UP_AT, followUpAt.toString(), Variables.REASSIGN_AT, reassignAt.toString());
  }

  private static Map<String, Object> decision(String decision, String comment, String by) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Variables.DECISION, decision);
    vars.put(Variables.DECISION_COMMENT, comment);
    vars.put(Variables.DECIDED_BY, by);
    return vars;
  }

  @Test
  void aRefundWithinTheRequestersAuthorityIsIssuedAtOnceWithoutAUserTask() {
    requestRefund(11, 80.0, "AGENT");

    ActivatedJob issue = single(JobTypes.ISSUE_REFUND);
    assertThat(issue.getVariablesAsMap()).containsEntry(Variables.REFUND_REQUEST_ID, 11).containsEntry(Variables.TICKET_ID, 7);
    client.newCompleteCommand(issue.getKey()).send().join();
    complete(JobTypes.NOTIFY_OUTCOME, Map.of());

    refundInstance(issue).isCompleted()
        .hasPassedElementsInOrder(Elements.DETERMINE_AUTHORITY, Elements.ISSUE_REFUND, Elements.NOTIFY_OUTCOME, Elements.REFUND_HANDLED)
        .hasNotPassedElement(Elements.APPROVE_REFUND)
        .hasNotPassedElement(Elements.SCHEDULE_REMINDERS);
    assertThat(jobs(RefundApproval.USER_TASK_JOB_TYPE)).isEmpty();
    // The ticket's own work is untouched: still waiting for the owner.
    ticket.instance().isActive().isWaitingAtElements(TicketEscalation.Elements.AWAIT_FIRST_RESPONSE)
        .hasPassedElement(Elements.TICKET_REFUND_CALL);
  }

  @Test
  void aRefundAboveAuthorityBecomesAManagersUserTaskWithTheFormAndAnApprovalIssuesIt() {
    requestRefund(12, 500.0, "AGENT");
    Instant now = ticket.clock().now();
    complete(JobTypes.SCHEDULE_REMINDERS, reminders(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))));

    ActivatedJob task = single(RefundApproval.USER_TASK_JOB_TYPE);
    assertThat(task.getElementId()).isEqualTo(Elements.APPROVE_REFUND);
    assertThat(task.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"managers\"]")
        .containsKey("io.camunda.zeebe:formKey");
    assertThat(task.getVariablesAsMap()).containsEntry(Variables.AMOUNT, 500).containsEntry(Variables.REASON, "Charged twice");
    assertThat(jobs(JobTypes.ISSUE_REFUND)).isEmpty();

    client.newCompleteCommand(task.getKey()).variables(decision(Decisions.APPROVE, "Customer was charged twice", "manager1"))
        .send().join();
    Map<String, Object> seen = complete(JobTypes.RECORD_DECISION, Map.of());
    assertThat(seen).containsEntry(Variables.DECISION, "APPROVE").containsEntry(Variables.DECIDED_BY, "manager1");
    complete(JobTypes.ISSUE_REFUND, Map.of());
    complete(JobTypes.NOTIFY_OUTCOME, Map.of());

    refundInstance(task).isCompleted()
        .hasPassedElementsInOrder(Elements.SCHEDULE_REMINDERS, Elements.APPROVE_REFUND, Elements.RECORD_DECISION,
            Elements.ISSUE_REFUND, Elements.NOTIFY_OUTCOME)
        .hasNotPassedElement(Elements.SEND_FOLLOW_UP)
        .hasNotPassedElement(Elements.APPROVE_AS_HEAD_OF_SUPPORT);
  }

  @Test
  void aRejectionIsRecordedAndToldButNothingIsIssued() {
    requestRefund(13, 500.0, "AGENT");
    Instant now = ticket.clock().now();
    complete(JobTypes.SCHEDULE_REMINDERS, reminders(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))));
    ActivatedJob task = single(RefundApproval.USER_TASK_JOB_TYPE);
    client.newCompleteCommand(task.getKey()).variables(decision(Decisions.REJECT, "Usage was real", "manager2")).send().join();
    complete(JobTypes.RECORD_DECISION, Map.of());
    Map<String, Object> seen = complete(JobTypes.NOTIFY_OUTCOME, Map.of());

    assertThat(seen).containsEntry(Variables.DECISION, "REJECT");
    refundInstance(task).isCompleted().hasPassedElement(Elements.RECORD_DECISION).hasNotPassedElement(Elements.ISSUE_REFUND);
  }

  @Test
  void unansweredTheApproversGetAFollowUpAfterTheFirstPeriodAndNotBefore() {
    requestRefund(14, 500.0, "AGENT");
    Instant now = ticket.clock().now();
    Instant followUpAt = now.plus(Duration.ofHours(1));
    complete(JobTypes.SCHEDULE_REMINDERS, reminders(followUpAt, now.plus(Duration.ofHours(2))));

    ticket.clock().advanceTo(followUpAt.minusSeconds(60));
    assertThat(jobs(JobTypes.SEND_FOLLOW_UP)).isEmpty();

    ticket.clock().advance(Duration.ofSeconds(120));
    complete(JobTypes.SEND_FOLLOW_UP, Map.of());
    ActivatedJob task = single(RefundApproval.USER_TASK_JOB_TYPE);
    assertThat(task.getElementId()).as("the follow-up does not take the task away").isEqualTo(Elements.APPROVE_REFUND);
    refundInstance(task).hasPassedElement(Elements.SEND_FOLLOW_UP).hasNotPassedElement(Elements.APPROVE_AS_HEAD_OF_SUPPORT)
        .isWaitingAtElements(Elements.APPROVE_REFUND);
  }

  @Test
  void stillUnansweredAfterTheSecondPeriodTheTaskMovesToTheHeadOfSupport() {
    requestRefund(15, 5000.0, "MANAGER");
    Instant now = ticket.clock().now();
    Instant reassignAt = now.plus(Duration.ofHours(2));
    complete(JobTypes.SCHEDULE_REMINDERS, reminders(now.plus(Duration.ofHours(1)), reassignAt));

    ticket.clock().advanceTo(reassignAt.minusSeconds(60));
    complete(JobTypes.SEND_FOLLOW_UP, Map.of());
    assertThat(single(RefundApproval.USER_TASK_JOB_TYPE).getElementId()).isEqualTo(Elements.APPROVE_REFUND);

    ticket.clock().advance(Duration.ofSeconds(120));
    ActivatedJob moved = single(RefundApproval.USER_TASK_JOB_TYPE);
    assertThat(moved.getElementId()).isEqualTo(Elements.APPROVE_AS_HEAD_OF_SUPPORT);
    assertThat(moved.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"head-of-support\"]");
    assertThat(jobs(JobTypes.SEND_FOLLOW_UP)).as("one follow-up only").isEmpty();

    client.newCompleteCommand(moved.getKey()).variables(decision(Decisions.APPROVE, "Goodwill", "head1")).send().join();
    complete(JobTypes.RECORD_DECISION, Map.of());
    complete(JobTypes.ISSUE_REFUND, Map.of());
    complete(JobTypes.NOTIFY_OUTCOME, Map.of());
    refundInstance(moved).isCompleted().hasPassedElementsInOrder(Elements.APPROVAL_OVERDUE, Elements.APPROVE_AS_HEAD_OF_SUPPORT,
        Elements.RECORD_DECISION, Elements.ISSUE_REFUND);
  }

  @Test
  void twoRequestsOnOneTicketRunSideBySideWithTheirOwnIds() {
    requestRefund(21, 500.0, "AGENT");
    requestRefund(22, 50.0, "AGENT");

    assertThat(single(JobTypes.ISSUE_REFUND).getVariablesAsMap()).containsEntry(Variables.REFUND_REQUEST_ID, 22);
    assertThat(single(JobTypes.SCHEDULE_REMINDERS).getVariablesAsMap()).containsEntry(Variables.REFUND_REQUEST_ID, 21);
  }

  @ParameterizedTest(name = "{0} refunding {1}: within authority {2}, limit {3}")
  @CsvSource(nullValues = "none", value = {
      "AGENT, 100, true, 100",
      "AGENT, 100.01, false, 100",
      "SPECIALIST, 250, true, 250",
      "SPECIALIST, 251, false, 250",
      "MANAGER, 1000, true, 1000",
      "MANAGER, 1000.5, false, 1000",
      "HEAD_OF_SUPPORT, 1000000, true, none",
      "ADMIN, 1, false, 0"})
  void everyRowOfTheAuthorityTable(String role, double amount, boolean within, Integer limit) {
    var result = client.newEvaluateDecisionCommand().decisionId(RefundApproval.DECISION_ID)
        .variables(Map.of("role", role, "amount", amount)).send().join();
    @SuppressWarnings("unchecked")
    Map<String, Object> output = new com.fasterxml.jackson.databind.ObjectMapper()
        .convertValue(readJson(result.getDecisionOutput()), Map.class);
    assertThat(output.get("withinAuthority")).isEqualTo(within);
    assertThat(output.get("authorityLimit") == null ? null : ((Number) output.get("authorityLimit")).intValue()).isEqualTo(limit);
  }

  private static Object readJson(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
