package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.customer.CustomerNotices;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.ActorJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** T6: the owner asked the customer something; both clocks stop and the customer gets the question. */
@Component
public class PauseSlaClocksWorker {
  private final OnceOnly once;
  private final SlaClocks clocks;
  private final CustomerNotices customer;

  PauseSlaClocksWorker(OnceOnly once, SlaClocks clocks, CustomerNotices customer) {
    this.once = once;
    this.clocks = clocks;
    this.customer = customer;
  }

  @JobWorker(type = JobTypes.PAUSE_SLA_CLOCKS)
  public Map<String, Object> pauseSlaClocks(ActivatedJob job, @VariablesAsType ActorJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      customer.waiting(clocks.pause(ticket.ticketId(), ticket.actor()));
      return Map.of();
    });
  }
}
