package dev.escalation.workers.devtask;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** N3: the dev task was closed; owner and customer learn that the fix shipped (once each). */
@Component
public class NotifyFixShippedWorker {
  private final OnceOnly once;
  private final FixShippedNotices notices;

  NotifyFixShippedWorker(OnceOnly once, FixShippedNotices notices) {
    this.once = once;
    this.notices = notices;
  }

  @JobWorker(type = JobTypes.NOTIFY_FIX_SHIPPED)
  public Map<String, Object> notifyFixShipped(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      notices.send(ticket.ticketId());
      return Map.of();
    });
  }
}
