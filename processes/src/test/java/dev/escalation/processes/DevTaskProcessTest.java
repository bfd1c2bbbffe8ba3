package dev.escalation.processes;

import static dev.escalation.processes.TicketProcessDriver.clocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.Elements;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** N3: a product bug gets a dev task beside the ticket's work, and the fix shipping is told. */
@ZeebeProcessTest
class DevTaskProcessTest {
  ZeebeTestEngine engine;
  ZeebeClient client;
  TicketProcessDriver ticket;

  @BeforeEach
  void deploy() {
    ticket = new TicketProcessDriver(engine, client);
  }

  private void openAndAcknowledge(long id, Map<String, Object> criteria) {
    ticket.open(id, "P1", criteria);
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
  }

  @Test
  void aProductBugGetsADevTaskWhileTheTicketIsWorkedAndItsSlaRuns() {
    openAndAcknowledge(101, Map.of(Variables.CREATE_DEV_TASK, true));

    ticket.instance()
        .hasPassedElementsInOrder(Elements.ACKNOWLEDGE_TICKET, Elements.DEV_TASK_SPLIT, Elements.PRODUCT_BUG)
        .isWaitingAtElements(Elements.CREATE_DEV_TASK, Elements.AWAIT_FIRST_RESPONSE, Elements.RESOLUTION_WARNING_TIMER)
        .hasNotPassedElement(Elements.NO_DEV_TASK);
    Map<String, Object> seen = ticket.complete(JobTypes.CREATE_DEV_TASK, Map.of(Variables.DEV_TASK_KEY, "octo/shop#12"));
    assertThat(seen).containsEntry(Variables.TICKET_ID, 101);

    ticket.instance()
        .isWaitingAtElements(Elements.AWAIT_DEV_TASK_CLOSED, Elements.AWAIT_FIRST_RESPONSE)
        .isWaitingForMessages(Messages.DEV_TASK_CLOSED, Messages.OWNER_ACTION)
        .hasVariableWithValue(Variables.DEV_TASK_KEY, "octo/shop#12");

    // the SLA path is not blocked by the open dev task: the response still breaches on time
    ticket.clock().advance(Duration.ofSeconds(680));
    ticket.complete(JobTypes.NOTIFY_SLA_WARNING);
    ticket.clock().advance(Duration.ofSeconds(240));
    ticket.complete(JobTypes.RECORD_SLA_BREACH, Map.of(Variables.CAN_ESCALATE, true));
    ticket.instance().hasPassedElement(Elements.RESPONSE_SLA_BREACHED).isWaitingAtElements(Elements.AWAIT_DEV_TASK_CLOSED);
    ticket.assertNoJob(JobTypes.NOTIFY_FIX_SHIPPED);
  }

  @Test
  void whenTheDevTaskClosesOwnerAndCustomerAreToldOnce() {
    openAndAcknowledge(102, Map.of(Variables.CREATE_DEV_TASK, true));
    ticket.complete(JobTypes.CREATE_DEV_TASK);

    ticket.publish(Messages.DEV_TASK_CLOSED, Map.of());
    ticket.complete(JobTypes.NOTIFY_FIX_SHIPPED);

    ticket.instance()
        .hasPassedElementsInOrder(Elements.CREATE_DEV_TASK, Elements.AWAIT_DEV_TASK_CLOSED, Elements.NOTIFY_FIX_SHIPPED, Elements.FIX_SHIPPED)
        .hasPassedElement(Elements.NOTIFY_FIX_SHIPPED, 1)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE);
    ticket.publish(Messages.DEV_TASK_CLOSED, Map.of()); // a second "closed" event has nothing to wake
    ticket.assertNoJob(JobTypes.NOTIFY_FIX_SHIPPED);
    assertThat(ticket.jobLog()).containsExactly(
        "assign-owner", "start-sla-clocks", "acknowledge-ticket", "create-dev-task", "notify-fix-shipped");
  }

  @Test
  void withoutTheClosedEventTheTicketClosesButTheBugIsStillFollowed() {
    ticket.open(103, "P4", Map.of(Variables.CREATE_DEV_TASK, true));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, clocks(null, null, null, null));
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
    ticket.complete(JobTypes.CREATE_DEV_TASK);
    ticket.ownerActs(Actions.RESOLVE);
    Instant deadline = ticket.clock().now().plus(Duration.ofDays(7));
    ticket.complete(JobTypes.RESOLVE_TICKET, Map.of(Variables.REOPEN_DEADLINE, deadline.toString()));
    ticket.clock().advanceTo(deadline.plusSeconds(1));
    ticket.complete(JobTypes.CLOSE_TICKET);

    ticket.instance()
        .hasPassedElement(Elements.TICKET_CLOSED)
        .hasNotPassedElement(Elements.NOTIFY_FIX_SHIPPED)
        .isWaitingAtElements(Elements.AWAIT_DEV_TASK_CLOSED)
        .isActive();
    ticket.assertNoJob(JobTypes.NOTIFY_FIX_SHIPPED);

    ticket.publish(Messages.DEV_TASK_CLOSED, Map.of());
    ticket.complete(JobTypes.NOTIFY_FIX_SHIPPED);
    ticket.instance().hasPassedElement(Elements.FIX_SHIPPED).isCompleted();
  }

  @Test
  void noBugNoDevTask() {
    openAndAcknowledge(104, Map.of(Variables.CREATE_DEV_TASK, false));
    ticket.instance()
        .hasPassedElementsInOrder(Elements.DEV_TASK_SPLIT, Elements.PRODUCT_BUG, Elements.NO_DEV_TASK)
        .hasNotPassedElement(Elements.CREATE_DEV_TASK)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE);
    ticket.assertNoJob(JobTypes.CREATE_DEV_TASK);
  }

  @Test
  void aRuleDrivenPageMakesAnEscalationPageTheManagerEvenBelowP1() {
    ticket.open(106, "P3", Map.of(Variables.PAGE_MANAGER, true));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
    ticket.complete(JobTypes.PAGE_ON_DUTY_MANAGER); // the rule's page at opening
    ticket.ownerActs(Actions.ESCALATE, Map.of(Variables.ESCALATION_TYPE, "HIERARCHICAL", Variables.HANDOFF_NOTE_ID, 1));
    ticket.complete(JobTypes.ESCALATE_TICKET, Map.of(Variables.TIER, 2, Variables.ASSIGNMENT_REASON, "ESCALATED"));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);
    ticket.complete(JobTypes.PAGE_ON_DUTY_MANAGER);
    ticket.instance().hasPassedElement(Elements.PAGE_MANAGER_ON_OPENING).hasPassedElement(Elements.PAGE_ON_DUTY_MANAGER);
  }

  @Test
  void aRuleDrivenPageIsSentAtOpeningBesideTheTicketsWork() {
    ticket.open(108, "P2", Map.of(Variables.PAGE_MANAGER, true));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
    ticket.instance().isWaitingAtElements(Elements.PAGE_MANAGER_ON_OPENING, Elements.AWAIT_FIRST_RESPONSE);
    ticket.complete(JobTypes.PAGE_ON_DUTY_MANAGER);
    ticket.instance().hasPassedElementsInOrder(Elements.RULE_PAGE, Elements.PAGE_MANAGER_ON_OPENING)
        .hasNotPassedElement(Elements.PAGE_ON_DUTY_MANAGER)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE);
    ticket.assertNoJob(JobTypes.PAGE_ON_DUTY_MANAGER);
  }

  @Test
  void withoutARuleAnEscalatedP3PagesNobody() {
    ticket.open(107, "P3", Map.of());
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.ACKNOWLEDGE_TICKET);
    ticket.ownerActs(Actions.ESCALATE, Map.of(Variables.ESCALATION_TYPE, "HIERARCHICAL", Variables.HANDOFF_NOTE_ID, 1));
    ticket.complete(JobTypes.ESCALATE_TICKET, Map.of(Variables.TIER, 2, Variables.ASSIGNMENT_REASON, "ESCALATED"));
    ticket.complete(JobTypes.ASSIGN_OWNER);
    ticket.complete(JobTypes.START_SLA_CLOCKS, ticket.p1ClocksFromNow());
    ticket.complete(JobTypes.NOTIFY_CUSTOMER_OF_ESCALATION);
    ticket.assertNoJob(JobTypes.PAGE_ON_DUTY_MANAGER);
    ticket.instance().hasNotPassedElement(Elements.PAGE_ON_DUTY_MANAGER).hasPassedElement(Elements.NO_RULE_PAGE)
        .hasNotPassedElement(Elements.PAGE_MANAGER_ON_OPENING);
  }

  @Test
  void aMissingDecisionCountsAsNoBug() {
    openAndAcknowledge(105, Map.of());
    ticket.instance().hasPassedElement(Elements.NO_DEV_TASK).hasNotPassedElement(Elements.CREATE_DEV_TASK);
    ticket.assertNoJob(JobTypes.CREATE_DEV_TASK);
    ticket.ownerActs(Actions.ATTEMPT);
    ticket.instance().isWaitingAtElements(Elements.AWAIT_OWNER_ACTION);
  }
}
