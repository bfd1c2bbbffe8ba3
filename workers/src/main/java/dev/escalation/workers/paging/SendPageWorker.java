package dev.escalation.workers.paging;

import dev.escalation.processes.ManagerPaging.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** N2: sends the next page of a manager-paging instance; returns attempt, repageAt and pagesLeft. */
@Component
public class SendPageWorker {
  private final OnceOnly once;
  private final Pages pages;

  SendPageWorker(OnceOnly once, Pages pages) {
    this.once = once;
    this.pages = pages;
  }

  @JobWorker(type = JobTypes.SEND_PAGE)
  public Map<String, Object> sendPage(ActivatedJob job, @VariablesAsType PagingJob page) {
    return once.run(job, page.ticketId(), () -> pages.sendNext(page.pageId(), page.attempt() == null ? 0 : page.attempt()));
  }
}
