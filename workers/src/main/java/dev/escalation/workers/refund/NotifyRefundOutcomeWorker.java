package dev.escalation.workers.refund;

import dev.escalation.processes.RefundApproval.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class NotifyRefundOutcomeWorker {
  private final OnceOnly once;
  private final Refunds refunds;

  NotifyRefundOutcomeWorker(OnceOnly once, Refunds refunds) {
    this.once = once;
    this.refunds = refunds;
  }

  @JobWorker(type = JobTypes.NOTIFY_OUTCOME)
  public Map<String, Object> notifyRefundOutcome(ActivatedJob activated, @VariablesAsType RefundJob job) {
    return once.run(activated, job.ticketId(), () -> {
      refunds.notifyOutcome(job.refundRequestId());
      return Map.of();
    });
  }
}
