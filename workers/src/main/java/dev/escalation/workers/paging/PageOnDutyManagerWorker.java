package dev.escalation.workers.paging;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class PageOnDutyManagerWorker {
  private final OnceOnly once;
  private final ManagerAlerts alerts;

  PageOnDutyManagerWorker(OnceOnly once, ManagerAlerts alerts) {
    this.once = once;
    this.alerts = alerts;
  }

  @JobWorker(type = JobTypes.PAGE_ON_DUTY_MANAGER)
  public Map<String, Object> pageOnDutyManager(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      alerts.pageOnDutyManager(ticket.ticketId());
      return Map.of();
    });
  }
}
