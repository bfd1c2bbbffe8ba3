package dev.escalation.app.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * W4 {@code GET /api/events}: how often each replica reads the audit trail for new entries
 * ({@code escalation.events.poll-interval}, default 200 ms), how often an idle stream gets a heartbeat
 * comment ({@code escalation.events.heartbeat}, default 10 s), and after how long a stream is closed
 * so that the browser reconnects ({@code escalation.events.stream-timeout}, default 30 min).
 */
@ConfigurationProperties("escalation.events")
public record EventsProperties(Duration pollInterval, Duration heartbeat, Duration streamTimeout) {
  public EventsProperties {
    pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
    heartbeat = heartbeat == null ? Duration.ofSeconds(10) : heartbeat;
    streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
    if (pollInterval.isNegative() || pollInterval.isZero() || heartbeat.isNegative() || heartbeat.isZero()
        || streamTimeout.isNegative() || streamTimeout.isZero()) {
      throw new IllegalArgumentException("escalation.events.* durations must be positive");
    }
  }
}
