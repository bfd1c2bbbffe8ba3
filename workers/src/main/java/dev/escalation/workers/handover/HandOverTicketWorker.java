package dev.escalation.workers.handover;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** W2/W3: the person a grab or a reassignment names owns the ticket from now on. */
@Component
public class HandOverTicketWorker {
  private final OnceOnly once;
  private final Handovers handovers;

  HandOverTicketWorker(OnceOnly once, Handovers handovers) {
    this.once = once;
    this.handovers = handovers;
  }

  @JobWorker(type = JobTypes.HAND_OVER_TICKET)
  public Map<String, Object> handOverTicket(ActivatedJob job, @VariablesAsType HandoverJob handover) {
    return once.run(job, handover.ticketId(), () -> handovers.handOver(handover, job.getKey()));
  }
}
