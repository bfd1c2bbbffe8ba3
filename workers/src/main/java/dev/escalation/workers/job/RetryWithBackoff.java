package dev.escalation.workers.job;

import dev.escalation.workers.meters.EscalationMeters;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Turns a technical failure in a worker into a retry with exponential backoff; when the retries
 * run out the engine raises an incident whose message is the failure text below, so it must say
 * what to fix. Business outcomes (BPMN errors) pass through unchanged.
 */
@Component
@ConditionalOnProperty(name = "camunda.client.enabled", matchIfMissing = true)
class RetryWithBackoff implements JobExceptionHandlingStrategy {
  private static final Logger log = LoggerFactory.getLogger(RetryWithBackoff.class);
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final DefaultJobExceptionHandlingStrategy delegate;
  private final EscalationMeters meters;

  RetryWithBackoff(CommandExceptionHandlingStrategy commands, MetricsRecorder metrics, EscalationMeters meters) {
    this.meters = meters;
    this.delegate = new DefaultJobExceptionHandlingStrategy(commands, metrics);
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
    if (exception instanceof CamundaError) {
      delegate.handleException(exception, context);
      return;
    }
    var job = context.job();
    // A wrong setting (bad token, unknown repository) does not heal by waiting: straight to the incident.
    int retriesLeft = exception instanceof ConfigurationFailure ? 0 : Math.max(job.getRetries() - 1, 0);
    Duration backoff = backoff(job.getRetries());
    String message = incidentMessage(job.getType(), job.getVariablesAsMap().get("ticketId"), exception);
    meters.jobFailed(job.getType(), retriesLeft == 0);
    log.warn("{} (retries left: {}, next try in {})", message, retriesLeft, backoff, exception);
    // Failed directly (not through the SDK's JobError) so that the incident shows this message, not a stack trace.
    context.jobClient().newFailCommand(job.getKey())
        .retries(retriesLeft)
        .retryBackoff(backoff)
        .errorMessage(message)
        .send()
        .join();
  }

  /** 2 s, 4 s, 8 s ... capped at 5 min; fewer retries left means a longer wait. */
  static Duration backoff(int retriesBeforeThisFailure) {
    int failuresSoFar = Math.max(0, 5 - retriesBeforeThisFailure);
    Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failuresSoFar, 16));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  static String incidentMessage(String jobType, Object ticketId, Exception exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String hint = exception instanceof FixableFailure fixable ? " What to do: " + fixable.whatToDo() + "." : "";
    return jobType + " failed for ticket " + ticketId + ": " + cause + "." + hint
        + " Fix the cause, then increase the job's retries in Operate to run it again.";
  }
}
