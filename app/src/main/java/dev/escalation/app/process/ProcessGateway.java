package dev.escalation.app.process;

import dev.escalation.processes.TicketEscalation;
import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.job.TicketRowLock;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The app's only door to the engine: start a ticket's process, and tell it what people did. Called
 * inside the transaction that records the command, so a refused call saves nothing; the ticket row
 * stays locked until that transaction ends, so the jobs the call causes wait for it ({@link TicketRowLock}).
 */
@Component
public class ProcessGateway {
  /** Long enough to reach a process that is between two steps; short enough not to hit a later wait. */
  private static final Duration MESSAGE_TTL = Duration.ofMinutes(2);

  private final CamundaClient client;
  private final TicketRowLock ticketLock;

  ProcessGateway(CamundaClient client, TicketRowLock ticketLock) {
    this.client = client;
    this.ticketLock = ticketLock;
  }

  public long startTicket(long ticketId, String priority) {
    ticketLock.holdUntilCommit(ticketId);
    return client.newCreateInstanceCommand()
        .bpmnProcessId(TicketEscalation.PROCESS_ID)
        .latestVersion()
        .variables(Map.of(
            Variables.TICKET_ID, ticketId,
            Variables.PRIORITY, priority,
            Variables.TIER, 1,
            Variables.HANDOFF, 0,
            Variables.ASSIGNMENT_REASON, AssignmentReasons.OPENED))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * Publishes a message that must reach the process once, however often its cause is reported
   * (a tracker redelivering its webhook): the engine drops a second message with the same id while
   * the first is buffered.
   */
  public void publishToTicketOnce(String messageName, long ticketId, String messageId, Duration timeToLive,
      Map<String, Object> variables) {
    ticketLock.holdUntilCommit(ticketId);
    publishOnce(messageName, Long.toString(ticketId), messageId, timeToLive, variables);
  }

  /** {@link #publishToTicketOnce}, for a message correlated by something other than a ticket (a page). */
  public void publishOnce(String messageName, String correlationKey, String messageId, Duration timeToLive,
      Map<String, Object> variables) {
    try {
      client.newPublishMessageCommand()
          .messageName(messageName)
          .correlationKey(correlationKey)
          .messageId(messageId)
          .timeToLive(timeToLive)
          .variables(variables)
          .send()
          .join();
    } catch (io.camunda.client.api.command.ClientStatusException e) {
      if (e.getStatusCode() != io.grpc.Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }

  public void publish(String messageName, long ticketId, Map<String, Object> variables) {
    ticketLock.holdUntilCommit(ticketId);
    client.newPublishMessageCommand()
        .messageName(messageName)
        .correlationKey(Long.toString(ticketId))
        .timeToLive(MESSAGE_TTL)
        .variables(variables)
        .send()
        .join();
  }
}
