package dev.escalation.app.prometheus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code escalation.prometheus.*}.
 *
 * @param scrapeToken a bearer token that lets a Prometheus server on another host scrape
 *     {@code /actuator/prometheus}; blank: only the local host may (ESCALATION_PROMETHEUS_TOKEN)
 * @param gaugeMaxAge how old the counts behind the ledger gauges (open tickets, outbox backlog) may be
 *     before a scrape reads them again from MariaDB
 */
@ConfigurationProperties("escalation.prometheus")
public record PrometheusProperties(String scrapeToken, @DefaultValue("PT5S") Duration gaugeMaxAge) {

  public PrometheusProperties {
    scrapeToken = scrapeToken == null ? "" : scrapeToken.strip();
    if (!scrapeToken.isEmpty() && scrapeToken.length() < 32) {
      throw new IllegalArgumentException("escalation.prometheus.scrape-token must be at least 32 characters (or blank)");
    }
    if (gaugeMaxAge == null || gaugeMaxAge.isNegative()) {
      throw new IllegalArgumentException("escalation.prometheus.gauge-max-age must not be negative");
    }
  }
}
