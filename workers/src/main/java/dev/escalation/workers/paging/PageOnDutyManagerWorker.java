package dev.escalation.workers.paging;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** N2: asks for a page of the on-duty manager; the manager-paging process sends it and re-pages until acknowledged. */
@Component
public class PageOnDutyManagerWorker {
  private final OnceOnly once;
  private final Pages pages;

  PageOnDutyManagerWorker(OnceOnly once, Pages pages) {
    this.once = once;
    this.pages = pages;
  }

  @JobWorker(type = JobTypes.PAGE_ON_DUTY_MANAGER)
  public Map<String, Object> pageOnDutyManager(ActivatedJob job, @VariablesAsType PageJob ticket) {
    return once.run(job, ticket.ticketId(), () -> {
      String reason = Boolean.TRUE.equals(ticket.pageManager()) && !"P1".equals(ticket.priority())
          ? "a criteria rule asks for a page"
          : "P1 escalation";
      pages.request(job.getKey(), ticket.ticketId(), reason);
      return Map.of();
    });
  }
}
