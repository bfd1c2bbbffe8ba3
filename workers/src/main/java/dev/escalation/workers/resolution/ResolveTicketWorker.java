package dev.escalation.workers.resolution;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.ActorJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class ResolveTicketWorker {
  private final OnceOnly once;
  private final Resolutions resolutions;

  ResolveTicketWorker(OnceOnly once, Resolutions resolutions) {
    this.once = once;
    this.resolutions = resolutions;
  }

  @JobWorker(type = JobTypes.RESOLVE_TICKET)
  public Map<String, Object> resolveTicket(ActivatedJob job, @VariablesAsType ActorJob ticket) {
    return once.run(job, ticket.ticketId(),
        () -> Map.of(Variables.REOPEN_DEADLINE, resolutions.resolve(ticket.ticketId(), ticket.actor()).toString()));
  }
}
