package dev.escalation.processes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.EscalationReview.Elements;
import dev.escalation.processes.EscalationReview.JobTypes;
import dev.escalation.processes.EscalationReview.Variables;
import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.Messages;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A3: a resolved ticket that was escalated gets a review task; one that was not, does not; neither blocks reopen or close. */
@ZeebeProcessTest
class EscalationReviewProcessTest {
  ZeebeTestEngine engine;
  ZeebeClient client;
  TicketProcessDriver ticket;

  @BeforeEach
  void deploy() {
    ticket = new TicketProcessDriver(engine, client);
    client.newDeployResourceCommand().addResourceFromClasspath(EscalationReview.RESOURCE)
        .addResourceFromClasspath(EscalationReview.FORM_RESOURCE).send().join();
  }

  private List<ActivatedJob> jobs(String type) {
    ticket.clock().idle();
    return client.newActivateJobsCommand().jobType(type).maxJobsToActivate(10).timeout(Duration.ofSeconds(1)).send().join().getJobs();
  }

  private void resolve(Instant reopenDeadline) {
    ticket.ownerActs(Actions.RESOLVE);
    ticket.complete(TicketEscalation.JobTypes.RESOLVE_TICKET,
        Map.of(TicketEscalation.Variables.REOPEN_DEADLINE, reopenDeadline.toString()));
  }

  private void escalateToTier2() {
    ticket.ownerActs(Actions.ESCALATE, Map.of(TicketEscalation.Variables.ESCALATION_TYPE, "FUNCTIONAL",
        TicketEscalation.Variables.HANDOFF_NOTE_ID, 1));
    ticket.complete(TicketEscalation.JobTypes.ESCALATE_TICKET,
        Map.of(TicketEscalation.Variables.TIER, 2, TicketEscalation.Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED));
    ticket.complete(TicketEscalation.JobTypes.ASSIGN_OWNER);
    ticket.complete(TicketEscalation.JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(TicketEscalation.JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);
    ticket.complete(TicketEscalation.JobTypes.PAGE_ON_DUTY_MANAGER);
  }

  @Test
  void aTicketResolvedWithoutEscalationGetsNoReviewAndStillCloses() {
    ticket.openAndAcknowledge(31, "P4", TicketProcessDriver.clocks(null, null, null, null));
    Instant deadline = ticket.clock().now().plus(Duration.ofDays(7));
    resolve(deadline);

    assertThat(jobs(JobTypes.REQUEST_REVIEW)).isEmpty();
    ticket.clock().advanceTo(deadline.plusSeconds(1));
    ticket.complete(TicketEscalation.JobTypes.CLOSE_TICKET);
    ticket.instance().isCompleted().hasPassedElement(Elements.TICKET_NO_REVIEW_NEEDED).hasNotPassedElement(Elements.TICKET_REVIEW_CALL);
  }

  @Test
  void anEscalatedTicketGetsAReviewTaskForTheManagersThatBlocksNeitherReopenNorClose() {
    ticket.openAndAcknowledge(32, "P1", ticket.p1ClocksFromNow());
    escalateToTier2();
    Instant deadline = ticket.clock().now().plus(Duration.ofDays(7));
    resolve(deadline);

    ActivatedJob request = jobs(JobTypes.REQUEST_REVIEW).get(0);
    assertThat(request.getVariablesAsMap()).containsEntry(Variables.TICKET_ID, 32);
    client.newCompleteCommand(request.getKey()).variables(Map.of(Variables.REVIEW_ID, 501)).send().join();
    List<ActivatedJob> tasks = jobs(RefundApproval.USER_TASK_JOB_TYPE);
    assertThat(tasks).singleElement().satisfies(t -> {
      assertThat(t.getElementId()).isEqualTo(Elements.REVIEW_ESCALATION);
      assertThat(t.getCustomHeaders()).containsEntry("io.camunda.zeebe:candidateGroups", "[\"managers\"]");
      assertThat(t.getVariablesAsMap()).containsEntry(Variables.REVIEW_ID, 501).containsEntry(Variables.TICKET_ID, 32);
    });

    // The reopen path works while the review waits.
    ticket.publish(Messages.TICKET_REOPENED, Map.of());
    ticket.complete(TicketEscalation.JobTypes.REOPEN_TICKET,
        Map.of(TicketEscalation.Variables.ASSIGNMENT_REASON, AssignmentReasons.REOPENED));
    ticket.instance().hasPassedElement(TicketEscalation.Elements.REOPEN_TICKET).isActive();

    client.newCompleteCommand(tasks.get(0).getKey()).variables(Map.of(Variables.AVOIDABLE, true, Variables.ROOT_CAUSE, "KNOWLEDGE_GAP",
        Variables.WHAT_WOULD_HAVE_HELPED, "A runbook for refunds", Variables.REVIEWED_BY, "manager1")).send().join();
    ActivatedJob record = jobs(JobTypes.RECORD_REVIEW).get(0);
    assertThat(record.getVariablesAsMap()).containsEntry(Variables.ROOT_CAUSE, "KNOWLEDGE_GAP").containsEntry(Variables.REVIEW_ID, 501);
    client.newCompleteCommand(record.getKey()).send().join();
    ticket.clock().idle();
    new ProcessInstanceAssert(record.getProcessInstanceKey(), BpmnAssert.getRecordStream()).isCompleted()
        .hasPassedElementsInOrder(Elements.REQUEST_REVIEW, Elements.REVIEW_ESCALATION, Elements.RECORD_REVIEW);
    ticket.instance().hasPassedElement(Elements.TICKET_REVIEW_CALL);
  }
}
