package dev.escalation.workers.resolution;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class CloseTicketWorker {
  private final OnceOnly once;
  private final Resolutions resolutions;

  CloseTicketWorker(OnceOnly once, Resolutions resolutions) {
    this.once = once;
    this.resolutions = resolutions;
  }

  @JobWorker(type = JobTypes.CLOSE_TICKET)
  public Map<String, Object> closeTicket(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      resolutions.close(ticket.ticketId());
      return Map.of();
    });
  }
}
