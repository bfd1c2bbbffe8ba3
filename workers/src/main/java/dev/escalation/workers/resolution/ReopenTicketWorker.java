package dev.escalation.workers.resolution;

import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class ReopenTicketWorker {
  private final OnceOnly once;
  private final Resolutions resolutions;

  ReopenTicketWorker(OnceOnly once, Resolutions resolutions) {
    this.once = once;
    this.resolutions = resolutions;
  }

  @JobWorker(type = JobTypes.REOPEN_TICKET)
  public Map<String, Object> reopenTicket(ActivatedJob job, @VariablesAsType ReopenJob reopen) {
    return once.run(job, reopen.ticketId(), () -> {
      int handoff = resolutions.reopen(reopen.ticketId(), reopen.reopenedBy(), reopen.reopenReason(), job.getKey());
      return Map.of(Variables.ASSIGNMENT_REASON, AssignmentReasons.REOPENED, Variables.HANDOFF, handoff);
    });
  }
}
