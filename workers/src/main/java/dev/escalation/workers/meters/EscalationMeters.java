package dev.escalation.workers.meters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Prometheus counters of what happens to tickets (issue 14, docs/operations.md): recorded where
 * it happens, through Micrometer's registry only. Inside a transaction a count is added once the
 * transaction commits, so a rolled-back and retried job is counted once, like its effect.
 * Names are Micrometer's; Prometheus shows {@code escalation.sla.breaches} as {@code escalation_sla_breaches_total}.
 */
@Component
public class EscalationMeters {
  public static final String TICKETS_OPENED = "escalation.tickets.opened";
  public static final String ESCALATIONS = "escalation.escalations";
  public static final String SLA_BREACHES = "escalation.sla.breaches";
  public static final String HANDOFF_LATENCY = "escalation.handoff.latency";
  public static final String DELIVERY_FAILURES = "escalation.outbox.delivery.failures";
  public static final String JOB_FAILURES = "escalation.job.failures";
  public static final String JOB_INCIDENTS = "escalation.job.incidents";
  public static final String SURVEY_RATINGS = "escalation.survey.ratings";

  private final MeterRegistry registry;

  public EscalationMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  public void ticketOpened(String priority, String channel) {
    afterCommit(() -> Counter.builder(TICKETS_OPENED).description("tickets opened")
        .tag("priority", priority).tag("channel", channel).register(registry).increment());
  }

  /** {@code cause}: CRITERIA_MATCHED, RESPONSE_SLA_BREACHED, RESOLUTION_SLA_BREACHED, NEXT_REPLY_SLA_BREACHED (S3) or MANUAL. */
  public void escalated(String type, int fromTier, int toTier, String cause) {
    afterCommit(() -> Counter.builder(ESCALATIONS).description("escalations carried out")
        .tag("type", type).tag("from_tier", String.valueOf(fromTier)).tag("to_tier", String.valueOf(toTier)).tag("cause", cause)
        .register(registry).increment());
  }

  /** {@code clock}: response or resolution; {@code tier}: where the ticket was when the clock breached. */
  public void breached(String clock, int tier) {
    afterCommit(() -> Counter.builder(SLA_BREACHES).description("SLA clocks breached")
        .tag("clock", clock.toLowerCase(Locale.ROOT)).tag("tier", String.valueOf(tier)).register(registry).increment());
  }

  /** From the breached clock's due instant to the escalation that followed it (a histogram: buckets for Prometheus). */
  public void handoffAfterDeadline(String clock, Duration latency) {
    afterCommit(() -> Timer.builder(HANDOFF_LATENCY).description("time from a breached deadline to the escalation it caused")
        .tag("clock", clock.toLowerCase(Locale.ROOT)).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofHours(1))
        .register(registry).record(latency.isNegative() ? Duration.ZERO : latency));
  }

  /** M5: a customer's survey answer, by the rating and the tier that resolved the ticket. */
  public void surveyRated(int rating, int resolvedTier) {
    afterCommit(() -> Counter.builder(SURVEY_RATINGS).description("survey answers by rating (1-5)")
        .tag("rating", String.valueOf(rating)).tag("tier", String.valueOf(resolvedTier)).register(registry).increment());
  }

  public void deliveryFailed(String channel) {
    afterCommit(() -> Counter.builder(DELIVERY_FAILURES).description("failed notification delivery attempts")
        .tag("channel", channel).register(registry).increment());
  }

  public void jobFailed(String jobType, boolean incident) {
    Counter.builder(JOB_FAILURES).description("job failures handed back to the engine").tag("job_type", jobType)
        .register(registry).increment();
    if (incident) {
      Counter.builder(JOB_INCIDENTS).description("job failures without retries left: an incident in Operate")
          .tag("job_type", jobType).register(registry).increment();
    }
  }

  private static void afterCommit(Runnable count) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          count.run();
        }
      });
    } else {
      count.run();
    }
  }
}
