package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class ResumeSlaClocksWorker {
  private final OnceOnly once;
  private final SlaClocks clocks;

  ResumeSlaClocksWorker(OnceOnly once, SlaClocks clocks) {
    this.once = once;
    this.clocks = clocks;
  }

  @JobWorker(type = JobTypes.RESUME_SLA_CLOCKS)
  public Map<String, Object> resumeSlaClocks(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> clocks.resume(ticket.ticketId()));
  }
}
