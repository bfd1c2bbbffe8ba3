package dev.escalation.workers.criteria;

import dev.escalation.processes.TicketEscalation.Actions;
import dev.escalation.processes.TicketEscalation.Messages;
import dev.escalation.processes.TicketEscalation.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks a ticket's process to escalate through its usual path: the owner-action message with action
 * ESCALATE, as a manual escalation does. The message id makes a repeated request (a redelivered job)
 * a no-op while the first one is buffered or correlated.
 */
@Component
class EscalationRequests {
  /** Long enough for a ticket waiting on the customer to return to its tier work. */
  private static final Duration TTL = Duration.ofMinutes(10);

  private final ObjectProvider<CamundaClient> client;

  EscalationRequests(ObjectProvider<CamundaClient> client) {
    this.client = client;
  }

  /** {@code handoff} and {@code tier}: where the ticket was when the criteria asked, so a late request is ignored. */
  void escalate(long ticketId, String escalationType, long handoffNoteId, int handoff, int tier) {
    try {
      client.getObject().newPublishMessageCommand()
          .messageName(Messages.OWNER_ACTION)
          .correlationKey(Long.toString(ticketId))
          .messageId("criteria-escalation-" + handoffNoteId)
          .timeToLive(TTL)
          .variables(Map.of(Variables.ACTION, Actions.ESCALATE, Variables.ESCALATION_TYPE, escalationType,
              Variables.HANDOFF_NOTE_ID, handoffNoteId, Variables.ACTION_HANDOFF, handoff, Variables.ACTION_TIER, tier))
          .send()
          .join();
    } catch (ClientStatusException e) {
      if (e.getStatusCode() != io.grpc.Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
