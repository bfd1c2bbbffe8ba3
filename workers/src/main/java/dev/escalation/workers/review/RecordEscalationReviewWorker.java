package dev.escalation.workers.review;

import dev.escalation.processes.EscalationReview.JobTypes;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class RecordEscalationReviewWorker {
  private final OnceOnly once;
  private final EscalationReviews reviews;

  RecordEscalationReviewWorker(OnceOnly once, EscalationReviews reviews) {
    this.once = once;
    this.reviews = reviews;
  }

  @JobWorker(type = JobTypes.RECORD_REVIEW)
  public Map<String, Object> recordEscalationReview(ActivatedJob activated, @VariablesAsType ReviewJob job) {
    return once.run(activated, job.ticketId(), () -> {
      reviews.record(job);
      return Map.of();
    });
  }
}
