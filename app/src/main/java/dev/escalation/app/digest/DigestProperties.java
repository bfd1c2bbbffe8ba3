package dev.escalation.app.digest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The managers' weekly digest, under {@code escalation.digest}. Weeks run Monday to Monday in the support
 * zone ({@code escalation.tickets.zone}).
 *
 * @param enabled whether the scheduled check runs (default true)
 * @param checkInterval how often the schedule looks for a finished week whose digest was not sent (default 1 hour)
 */
@ConfigurationProperties("escalation.digest")
public record DigestProperties(Boolean enabled, Duration checkInterval) {
  public DigestProperties {
    enabled = enabled == null || enabled;
    checkInterval = checkInterval == null ? Duration.ofHours(1) : checkInterval;
  }
}
