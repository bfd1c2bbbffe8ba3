package dev.escalation.processes.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.processes.TicketEscalation;
import dev.escalation.processes.TicketEscalation.Criteria;
import dev.escalation.processes.TicketEscalation.Elements;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.processes.TicketProcessDriver;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The criteria in the ticket process: triage, the business rule task and apply-criteria run before
 * the owner is assigned, and again on every customer message; instances keep the table they started with.
 */
@ZeebeProcessTest
class CriteriaInProcessTest {
  ZeebeTestEngine engine;
  ZeebeClient client;
  TicketProcessDriver ticket;

  @BeforeEach
  void deploy() {
    ticket = new TicketProcessDriver(engine, client);
  }

  private static Map<String, Object> triage(Object... pairs) {
    Map<String, Object> vars = TicketProcessDriver.neutralTriage();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], pairs[i + 1]);
    }
    return vars;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> criteria(Map<String, Object> seen) {
    return (Map<String, Object>) seen.get(Variables.CRITERIA);
  }

  @Test
  void legalRiskStartsTheTicketAtTheSecurityAndPrivacySpecialistsBeforeTheOwnerIsAssigned() {
    ticket.start(11, "P3");
    Map<String, Object> triaged = ticket.complete(JobTypes.TRIAGE, triage(Variables.LEGAL_RISK, true));
    assertThat(triaged).containsEntry(Variables.TICKET_ID, 11).doesNotContainKey(Variables.MESSAGE_ID);

    Map<String, Object> seen = ticket.complete(JobTypes.APPLY_CRITERIA, Map.of(Variables.TIER, 2, Variables.PRIORITY, "P2"));
    assertThat(criteria(seen))
        .containsEntry(Criteria.RULE_ID, "legal-risk-to-security-privacy")
        .containsEntry(Criteria.STARTING_TIER, 2)
        .containsEntry(Criteria.TARGET_GROUP, "security-privacy")
        .containsEntry(Criteria.EFFECTIVE_PRIORITY, "P2")
        .containsEntry(Criteria.MAX_TIER, 3);
    assertThat(seen).containsEntry(Variables.CREATE_DEV_TASK, false).containsEntry(Variables.PAGE_MANAGER, false)
        .doesNotContainKey(Variables.REEVALUATION);

    Map<String, Object> assigning = ticket.complete(JobTypes.ASSIGN_OWNER);
    assertThat(assigning).containsEntry(Variables.TIER, 2).containsEntry(Variables.PRIORITY, "P2");
    ticket.instance().hasPassedElementsInOrder(Elements.TICKET_OPENED, Elements.TRIAGE_TICKET,
        Elements.EVALUATE_CRITERIA, Elements.APPLY_CRITERIA, Elements.ASSIGN_OWNER);
    assertThat(ticket.jobLog()).containsExactly("triage", "apply-criteria", "assign-owner");
  }

  @Test
  void aProductBugSetsCreateDevTaskAndAVipWeekendSetsPageManagerOnTheProcess() {
    ticket.start(12, "P3");
    ticket.complete(JobTypes.TRIAGE, triage(Variables.BUG_SIGNAL, true));
    Map<String, Object> bug = ticket.complete(JobTypes.APPLY_CRITERIA, Map.of());
    assertThat(bug).containsEntry(Variables.CREATE_DEV_TASK, true).containsEntry(Variables.PAGE_MANAGER, false);
    assertThat(criteria(bug)).containsEntry(Criteria.RULE_ID, "product-bug-to-technical")
        .containsEntry(Criteria.TARGET_GROUP, "technical").containsEntry(Criteria.STARTING_TIER, 1);

    TicketProcessDriver other = new TicketProcessDriver(engine, client);
    other.start(13, "P3");
    other.complete(JobTypes.TRIAGE, triage(Variables.VIP, true, Variables.WEEKEND, true));
    Map<String, Object> vip = other.complete(JobTypes.APPLY_CRITERIA, Map.of());
    assertThat(vip).containsEntry(Variables.PAGE_MANAGER, true).containsEntry(Variables.CREATE_DEV_TASK, false);
    assertThat(criteria(vip)).containsEntry(Criteria.RULE_ID, "vip-on-weekend").containsEntry(Criteria.EFFECTIVE_PRIORITY, "P1");
  }

  @Test
  void aCustomerMessageIsTriagedAndEvaluatedAgainWhileTheOwnerKeepsWorking() {
    ticket.openAndAcknowledge(14, "P3", ticket.p1ClocksFromNow());

    ticket.publish(Messages.CUSTOMER_MESSAGE_RECEIVED, Map.of(Variables.MESSAGE_ID, 55));
    Map<String, Object> triaging = ticket.complete(JobTypes.TRIAGE, triage(Variables.SENTIMENT_SCORE, -0.91));
    assertThat(triaging).containsEntry(Variables.MESSAGE_ID, 55);
    Map<String, Object> applying = ticket.complete(JobTypes.APPLY_CRITERIA);
    assertThat(applying).containsEntry(Variables.REEVALUATION, true);
    assertThat(criteria(applying)).containsEntry(Criteria.RULE_ID, "strongly-negative-sentiment")
        .containsEntry(Criteria.STARTING_TIER, 2).containsEntry(Criteria.ESCALATION_TYPE, "FUNCTIONAL");

    ticket.instance()
        .hasPassedElementsInOrder(Elements.TRIAGE_CUSTOMER_MESSAGE, Elements.REEVALUATE_CRITERIA, Elements.APPLY_REEVALUATED_CRITERIA)
        .isWaitingAtElements(Elements.AWAIT_FIRST_RESPONSE, Elements.RESOLUTION_WARNING_TIMER)
        .hasNotPassedElement(Elements.ESCALATE_TICKET);
    ticket.assertNoJob(JobTypes.ESCALATE_TICKET);
  }

  @Test
  void aRedeployedTableAppliesToNewTicketsWhileOpenTicketsKeepTheVersionTheyStartedWith() throws IOException {
    ticket.openAndAcknowledge(15, "P3", ticket.p1ClocksFromNow());

    String changed = resource(Criteria.RESOURCE).replace("No criteria matched: standard path", "Standard path, table v2");
    assertThat(changed).contains("table v2");
    client.newDeployResourceCommand()
        .addResourceBytes(resource(TicketEscalation.RESOURCE).getBytes(StandardCharsets.UTF_8), TicketEscalation.RESOURCE)
        .addResourceStringUtf8(changed, Criteria.RESOURCE)
        .addResourceFromClasspath(TicketEscalation.SlaPolicy.RESOURCE)
        .send()
        .join();

    ticket.publish(Messages.CUSTOMER_MESSAGE_RECEIVED, Map.of(Variables.MESSAGE_ID, 1));
    ticket.complete(JobTypes.TRIAGE, triage());
    assertThat(criteria(ticket.complete(JobTypes.APPLY_CRITERIA)))
        .as("the open ticket still evaluates the table deployed with its process version")
        .containsEntry(Criteria.REASON, "No criteria matched: standard path");

    TicketProcessDriver fresh = new TicketProcessDriver(engine, client, false);
    fresh.start(16, "P3");
    fresh.complete(JobTypes.TRIAGE, triage());
    assertThat(criteria(fresh.complete(JobTypes.APPLY_CRITERIA)))
        .as("a new ticket starts on the new deployment")
        .containsEntry(Criteria.REASON, "Standard path, table v2");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CriteriaInProcessTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Map<String, Object> copy(Map<String, Object> m) {
    return new HashMap<>(m);
  }
}
