package dev.escalation.workers.criteria;

import dev.escalation.processes.TicketEscalation.JobTypes;
import dev.escalation.processes.TicketEscalation.Variables;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class ApplyCriteriaWorker {
  private final OnceOnly once;
  private final CriteriaApplication application;
  private final EscalationRequests escalations;

  ApplyCriteriaWorker(OnceOnly once, CriteriaApplication application, EscalationRequests escalations) {
    this.once = once;
    this.application = application;
    this.escalations = escalations;
  }

  @JobWorker(type = JobTypes.APPLY_CRITERIA)
  public Map<String, Object> applyCriteria(ActivatedJob job, @VariablesAsType ApplyCriteriaJob criteria) {
    Map<String, Object> result = new HashMap<>(once.run(job, criteria.ticketId(), () -> application.apply(criteria)));
    // After the ledger commit, also on a redelivery (the message id keeps it to one escalation).
    Object noteId = result.remove(CriteriaApplication.ESCALATION_NOTE);
    Object type = result.remove(Variables.ESCALATION_TYPE);
    Object handoff = result.remove(Variables.ACTION_HANDOFF);
    Object tier = result.remove(Variables.ACTION_TIER);
    if (noteId != null) {
      escalations.escalate(criteria.ticketId(), (String) type, ((Number) noteId).longValue(), ((Number) handoff).intValue(),
          ((Number) tier).intValue());
    }
    return result;
  }
}
