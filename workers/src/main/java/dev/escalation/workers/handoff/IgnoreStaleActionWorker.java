package dev.escalation.workers.handoff;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Records an owner action the process did not carry out because the ticket had left the handoff it was made at. */
@Component
public class IgnoreStaleActionWorker {
  private final OnceOnly once;
  private final StaleActions staleActions;

  IgnoreStaleActionWorker(OnceOnly once, StaleActions staleActions) {
    this.once = once;
    this.staleActions = staleActions;
  }

  @JobWorker(type = JobTypes.IGNORE_STALE_ACTION)
  public Map<String, Object> ignoreStaleAction(ActivatedJob job, @VariablesAsType StaleActionJob action) {
    return once.run(job, action.ticketId(), () -> {
      staleActions.ignore(action);
      return Map.of();
    });
  }
}
