package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import dev.escalation.workers.job.TicketJob;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** S3: the customer wrote and awaits an answer: the next-reply clock starts, or the running one goes on. */
@Component
public class StartNextReplyClockWorker {
  private final OnceOnly once;
  private final NextReplyClocks nextReplies;

  StartNextReplyClockWorker(OnceOnly once, NextReplyClocks nextReplies) {
    this.once = once;
    this.nextReplies = nextReplies;
  }

  @JobWorker(type = JobTypes.START_NEXT_REPLY_CLOCK)
  public Map<String, Object> startNextReplyClock(ActivatedJob job, @VariablesAsType TicketJob ticket) {
    return once.run(job, ticket.ticketId(), () -> nextReplies.customerWrote(ticket.ticketId()));
  }
}
