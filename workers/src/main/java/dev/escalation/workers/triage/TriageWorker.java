package dev.escalation.workers.triage;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class TriageWorker {
  private final OnceOnly once;
  private final Triages triages;

  TriageWorker(OnceOnly once, Triages triages) {
    this.once = once;
    this.triages = triages;
  }

  /** Variables of the triage job: {@code messageId} is set when a customer message is triaged. */
  record TriageJob(long ticketId, Long messageId) {}

  @JobWorker(type = JobTypes.TRIAGE)
  public Map<String, Object> triage(ActivatedJob job, @VariablesAsType TriageJob triage) {
    return once.run(job, triage.ticketId(), () -> triages.triage(triage.ticketId(), triage.messageId()));
  }
}
