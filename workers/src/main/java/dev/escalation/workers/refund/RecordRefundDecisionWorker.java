package dev.escalation.workers.refund;

import dev.escalation.processes.RefundApproval.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class RecordRefundDecisionWorker {
  private final OnceOnly once;
  private final Refunds refunds;

  RecordRefundDecisionWorker(OnceOnly once, Refunds refunds) {
    this.once = once;
    this.refunds = refunds;
  }

  @JobWorker(type = JobTypes.RECORD_DECISION)
  public Map<String, Object> recordRefundDecision(ActivatedJob activated, @VariablesAsType RefundJob job) {
    return once.run(activated, job.ticketId(), () -> {
      refunds.recordDecision(
          job.refundRequestId(), job.refundDecision(), job.refundDecisionComment(), job.refundDecidedBy());
      return Map.of();
    });
  }
}
