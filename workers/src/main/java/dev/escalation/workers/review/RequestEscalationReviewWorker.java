package dev.escalation.workers.review;

import dev.escalation.processes.EscalationReview.JobTypes;
import dev.escalation.processes.EscalationReview.Variables;
import dev.escalation.workers.job.OnceOnly;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
public class RequestEscalationReviewWorker {
  private final OnceOnly once;
  private final EscalationReviews reviews;

  RequestEscalationReviewWorker(OnceOnly once, EscalationReviews reviews) {
    this.once = once;
    this.reviews = reviews;
  }

  @JobWorker(type = JobTypes.REQUEST_REVIEW)
  public Map<String, Object> requestEscalationReview(ActivatedJob activated, @VariablesAsType ReviewJob job) {
    return once.run(activated, job.ticketId(), () -> {
      return Map.of(Variables.REVIEW_ID, reviews.request(job.ticketId()));
    });
  }
}
