package dev.escalation.workers.refund;

import dev.escalation.processes.RefundApproval.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class SendRefundApprovalFollowUpWorker {
  private final OnceOnly once;
  private final Refunds refunds;

  SendRefundApprovalFollowUpWorker(OnceOnly once, Refunds refunds) {
    this.once = once;
    this.refunds = refunds;
  }

  @JobWorker(type = JobTypes.SEND_FOLLOW_UP)
  public Map<String, Object> sendRefundApprovalFollowUp(ActivatedJob activated, @VariablesAsType RefundJob job) {
    return once.run(activated, job.ticketId(), () -> {
      refunds.followUp(job.refundRequestId());
      return Map.of();
    });
  }
}
