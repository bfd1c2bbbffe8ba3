package dev.escalation.workers.refund;

import dev.escalation.processes.RefundApproval.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class ScheduleRefundApprovalRemindersWorker {
  private final OnceOnly once;
  private final Refunds refunds;

  ScheduleRefundApprovalRemindersWorker(OnceOnly once, Refunds refunds) {
    this.once = once;
    this.refunds = refunds;
  }

  @JobWorker(type = JobTypes.SCHEDULE_REMINDERS)
  public Map<String, Object> scheduleRefundApprovalReminders(ActivatedJob activated, @VariablesAsType RefundJob job) {
    return once.run(activated, job.ticketId(), () -> {
      return refunds.awaitApproval(job.refundRequestId());
    });
  }
}
