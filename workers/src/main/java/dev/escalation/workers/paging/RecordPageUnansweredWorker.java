package dev.escalation.workers.paging;

import dev.escalation.processes.ManagerPaging.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** N2: the bounded repeats ran out without an acknowledgement. */
@Component
public class RecordPageUnansweredWorker {
  private final OnceOnly once;
  private final Pages pages;

  RecordPageUnansweredWorker(OnceOnly once, Pages pages) {
    this.once = once;
    this.pages = pages;
  }

  @JobWorker(type = JobTypes.RECORD_PAGE_UNANSWERED)
  public Map<String, Object> recordPageUnanswered(ActivatedJob job, @VariablesAsType PagingJob page) {
    return once.run(job, page.ticketId(), () -> {
      pages.unanswered(page.pageId());
      return Map.of();
    });
  }
}
