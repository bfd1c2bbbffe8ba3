package dev.escalation.app.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.meters.EscalationMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: the exact Prometheus names and labels of the counters and the latency histogram. */
class PrometheusNamesTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final EscalationMeters meters = new EscalationMeters(registry);

  private List<String> samples() {
    return Arrays.stream(registry.scrape().split("\n")).filter(line -> !line.startsWith("#")).toList();
  }

  @Test
  void countersCarryTheirLabels() {
    meters.ticketOpened("P1", "email");
    meters.ticketOpened("P1", "email");
    meters.escalated("FUNCTIONAL", 1, 2, "RESPONSE_SLA_BREACHED");
    meters.breached("RESPONSE", 1);
    meters.deliveryFailed("EMAIL");
    meters.jobFailed("send-page", false);
    meters.jobFailed("send-page", true);
    meters.surveyRated(2, 1);

    assertThat(samples()).contains(
        "escalation_tickets_opened_total{channel=\"email\",priority=\"P1\"} 2.0",
        "escalation_escalations_total{cause=\"RESPONSE_SLA_BREACHED\",from_tier=\"1\",to_tier=\"2\",type=\"FUNCTIONAL\"} 1.0",
        "escalation_sla_breaches_total{clock=\"response\",tier=\"1\"} 1.0",
        "escalation_outbox_delivery_failures_total{channel=\"EMAIL\"} 1.0",
        "escalation_job_failures_total{job_type=\"send-page\"} 2.0",
        "escalation_job_incidents_total{job_type=\"send-page\"} 1.0",
        "escalation_survey_ratings_total{rating=\"2\",tier=\"1\"} 1.0");
  }

  @Test
  void theDeadlineToHandoffLatencyIsAHistogramInSeconds() {
    meters.handoffAfterDeadline("RESPONSE", Duration.ofSeconds(3));
    meters.handoffAfterDeadline("RESPONSE", Duration.ofMinutes(2));

    List<String> samples = samples();
    assertThat(samples).contains(
        "escalation_handoff_latency_seconds_count{clock=\"response\"} 2",
        "escalation_handoff_latency_seconds_sum{clock=\"response\"} 123.0");
    assertThat(samples).filteredOn(s -> s.startsWith("escalation_handoff_latency_seconds_bucket{clock=\"response\",le=\"+Inf\"}"))
        .containsExactly("escalation_handoff_latency_seconds_bucket{clock=\"response\",le=\"+Inf\"} 2");
    // a bucket between the two observations holds only the first
    assertThat(samples).anySatisfy(s -> assertThat(s).matches(
        "escalation_handoff_latency_seconds_bucket\\{clock=\"response\",le=\"(4|5|[1-9][0-9])\\.[0-9]+\"\\} 1"));
  }
}
