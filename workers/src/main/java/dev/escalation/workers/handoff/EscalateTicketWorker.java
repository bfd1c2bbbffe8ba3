package dev.escalation.workers.handoff;

import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.job.FixableFailure;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class EscalateTicketWorker {
  private final OnceOnly once;
  private final Handoffs handoffs;

  EscalateTicketWorker(OnceOnly once, Handoffs handoffs) {
    this.once = once;
    this.handoffs = handoffs;
  }

  @JobWorker(type = JobTypes.ESCALATE_TICKET)
  public Map<String, Object> escalateTicket(ActivatedJob job, @VariablesAsType EscalationJob escalation) {
    if (escalation.handoffNoteId() == null || escalation.escalationType() == null) {
      throw new FixableFailure("escalation of ticket " + escalation.ticketId() + " has no handoff note or type",
          "set the variables handoffNoteId and escalationType on the instance in Operate");
    }
    return once.run(job, escalation.ticketId(), () -> {
      var ticket = handoffs.escalate(escalation.ticketId(), EscalationType.valueOf(escalation.escalationType()),
          escalation.handoffNoteId());
      return Map.of(Variables.TIER, ticket.tier(), Variables.HANDOFF, ticket.handoff(),
          Variables.ASSIGNMENT_REASON, AssignmentReasons.ESCALATED);
    });
  }
}
