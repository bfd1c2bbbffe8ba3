package dev.escalation.app.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * M8 escalation-rate alerts, under {@code escalation.alerts}; the threshold is M1's
 * {@code escalation.metrics.alert-threshold}.
 *
 * @param enabled whether the scheduled check runs (default true)
 * @param window the trailing window the rate is computed over (default 30 days)
 * @param checkInterval how often the rate is checked (default 15 minutes; read by the schedule)
 * @param contributors how many categories and criteria rules the alert names (default 3)
 */
@ConfigurationProperties("escalation.alerts")
public record AlertProperties(Boolean enabled, Duration window, Duration checkInterval, Integer contributors) {
  public AlertProperties {
    enabled = enabled == null || enabled;
    window = window == null ? Duration.ofDays(30) : window;
    checkInterval = checkInterval == null ? Duration.ofMinutes(15) : checkInterval;
    contributors = contributors == null ? 3 : contributors;
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("escalation.alerts.window must be positive: " + window);
    }
  }
}
