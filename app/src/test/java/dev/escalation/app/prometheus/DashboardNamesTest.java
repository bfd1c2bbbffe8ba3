package dev.escalation.app.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.escalation.workers.meters.EscalationMeters;
import dev.escalation.workers.ticket.TicketProperties;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard queries only series the app exports, and charts every one of them. */
class DashboardNamesTest {
  private static final Pattern SERIES = Pattern.compile("escalation_[a-z_]+");

  @Test
  void everyQueriedSeriesExistsAndEverySeriesIsCharted() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EscalationMeters meters = new EscalationMeters(registry);
    meters.ticketOpened("P1", "email");
    meters.escalated("FUNCTIONAL", 1, 2, "MANUAL");
    meters.breached("RESPONSE", 1);
    meters.handoffAfterDeadline("RESPONSE", Duration.ofSeconds(1));
    meters.deliveryFailed("EMAIL");
    meters.jobFailed("send-page", true);
    new LedgerGauges(new LedgerGaugeQueries(null) {
      @Override
      Map<String, Long> openTickets() {
        return Map.of("1/OPEN", 2L);
      }

      @Override
      Map<String, Long> outboxBacklog() {
        return Map.of("EMAIL", 1L);
      }
    }, registry, new TicketProperties(null, null, null, null, null), new PrometheusProperties("", Duration.ZERO));
    Set<String> exported = names(registry.scrape());
    exported.removeIf(name -> name.endsWith("_created") || name.endsWith("_max"));

    JsonNode dashboard = new ObjectMapper().readTree(Path.of("..", "ops", "grafana", "escalation-dashboard.json").toFile());
    Set<String> queried = new TreeSet<>();
    dashboard.get("panels").forEach(panel -> panel.get("targets").forEach(target -> queried.addAll(names(target.get("expr").asText()))));

    assertThat(exported).containsAll(queried);
    assertThat(queried).contains("escalation_tickets_opened_total", "escalation_escalations_total", "escalation_sla_breaches_total",
        "escalation_handoff_latency_seconds_bucket", "escalation_tickets_open", "escalation_outbox_backlog",
        "escalation_outbox_delivery_failures_total", "escalation_job_failures_total", "escalation_job_incidents_total");
  }

  private static Set<String> names(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = SERIES.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return names;
  }
}
