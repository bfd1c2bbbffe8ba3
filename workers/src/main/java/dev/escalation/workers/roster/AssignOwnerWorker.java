package dev.escalation.workers.roster;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class AssignOwnerWorker {
  private final OnceOnly once;
  private final OwnerAssignment assignment;

  AssignOwnerWorker(OnceOnly once, OwnerAssignment assignment) {
    this.once = once;
    this.assignment = assignment;
  }

  @JobWorker(type = JobTypes.ASSIGN_OWNER)
  public Map<String, Object> assignOwner(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      assignment.assign(ticket.ticketId(), job.getKey());
      return Map.of();
    });
  }
}
