package dev.escalation.workers.refund;

import dev.escalation.processes.RefundApproval.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class IssueRefundWorker {
  private final OnceOnly once;
  private final Refunds refunds;

  IssueRefundWorker(OnceOnly once, Refunds refunds) {
    this.once = once;
    this.refunds = refunds;
  }

  @JobWorker(type = JobTypes.ISSUE_REFUND)
  public Map<String, Object> issueRefund(ActivatedJob activated, @VariablesAsType RefundJob job) {
    return once.run(activated, job.ticketId(), () -> {
      refunds.issue(job.refundRequestId());
      return Map.of();
    });
  }
}
