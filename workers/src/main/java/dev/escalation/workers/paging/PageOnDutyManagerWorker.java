package dev.escalation.workers.paging;

import dev.escalation.processes.TicketEscalation.Elements;
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
    // On opening only a rule asks for a page; after an escalation a P1 ticket is paged anyway.
    boolean escalation = Elements.PAGE_ON_DUTY_MANAGER.equals(job.getElementId());
    boolean p1Escalation = escalation && "P1".equals(ticket.priority());
    return once.run(job, ticket.ticketId(), () -> {
      pages.request(job.getKey(), ticket.ticketId(), p1Escalation, ticket.ruleAskingForAPage());
      return Map.of();
    });
  }
}
