package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * S1, S5: starts the clocks with the policy the business rule task before it evaluated, and records it;
 * after a priority change (S4) the running clocks go on under the new policy with the time already spent.
 */
@Component
public class StartSlaClocksWorker {
  private final OnceOnly once;
  private final SlaClocks clocks;

  StartSlaClocksWorker(OnceOnly once, SlaClocks clocks) {
    this.once = once;
    this.clocks = clocks;
  }

  @JobWorker(type = JobTypes.START_SLA_CLOCKS)
  public Map<String, Object> startSlaClocks(ActivatedJob job, @VariablesAsType StartClocksJob ticket) {
    return once.run(job, ticket.ticketId(), () -> ticket.priorityChanged()
        ? clocks.recomputeForPriority(ticket.ticketId(), ticket.slaPolicy(), job.getProcessDefinitionKey(),
            job.getProcessDefinitionVersion())
        : clocks.start(ticket.ticketId(), ticket.slaPolicy(), job.getProcessDefinitionKey(), job.getProcessDefinitionVersion()));
  }
}
