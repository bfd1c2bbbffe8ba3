package dev.escalation.app.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escalation metrics settings ({@code escalation.metrics.*}).
 *
 * @param alertThreshold the escalation rate above which {@code GET /api/metrics} raises its alert flag (M1)
 */
@ConfigurationProperties("escalation.metrics")
public record MetricsProperties(@DefaultValue("0.30") double alertThreshold) {

  public MetricsProperties {
    if (alertThreshold < 0 || alertThreshold > 1) {
      throw new IllegalArgumentException("escalation.metrics.alert-threshold must be between 0 and 1: " + alertThreshold);
    }
  }
}
