package dev.escalation.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OutboxPropertiesTest {

  @Test
  void defaults() {
    OutboxProperties p = OutboxProperties.defaults();
    assertThat(p.pollInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.batchSize()).isEqualTo(50);
    assertThat(p.maxAttempts()).isEqualTo(8);
    assertThat(p.initialBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.fromAddress()).isEqualTo("support@escalation.local");
    assertThat(p.fromName()).isEqualTo("Support");
    assertThat(p.enabled()).isTrue();
    assertThat(p.lease()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void bindingNothingGivesTheDefaults() {
    assertThat(bind(Map.of("unrelated", "x"))).isEqualTo(OutboxProperties.defaults());
  }

  @Test
  void bindsFromSpringProperties() {
    OutboxProperties p = bind(Map.of(
        "escalation.outbox.poll-interval", "200ms",
        "escalation.outbox.batch-size", "10",
        "escalation.outbox.max-attempts", "3",
        "escalation.outbox.initial-backoff", "PT1S",
        "escalation.outbox.max-backoff", "1m",
        "escalation.outbox.from-address", "help@example.com",
        "escalation.outbox.from-name", "Help Desk",
        "escalation.outbox.enabled", "false",
        "escalation.outbox.lease", "2m"));
    assertThat(p).isEqualTo(new OutboxProperties(Duration.ofMillis(200), 10, 3, Duration.ofSeconds(1),
        Duration.ofMinutes(1), "help@example.com", "Help Desk", false, Duration.ofMinutes(2)));
  }

  @Test
  void rejectsNonPositiveValuesNamingTheProperty() {
    assertThatThrownBy(() -> bind(Map.of("escalation.outbox.batch-size", "0")))
        .isInstanceOf(BindException.class).rootCause().hasMessageContaining("escalation.outbox.batch-size");
    assertThatThrownBy(() -> new OutboxProperties(null, 50, 0, null, null, null, null, true, null))
        .hasMessageContaining("escalation.outbox.max-attempts");
    assertThatThrownBy(() -> new OutboxProperties(Duration.ZERO, 50, 8, null, null, null, null, true, null))
        .hasMessageContaining("escalation.outbox.poll-interval");
    assertThatThrownBy(() -> new OutboxProperties(null, 50, 8, Duration.ofSeconds(-1), null, null, null, true, null))
        .hasMessageContaining("escalation.outbox.initial-backoff");
    assertThatThrownBy(() -> new OutboxProperties(null, 50, 8, Duration.ofMinutes(20), null, null, null, true, null))
        .hasMessageContaining("escalation.outbox.max-backoff");
    assertThatThrownBy(() -> new OutboxProperties(null, 50, 8, null, null, null, null, true, Duration.ZERO))
        .hasMessageContaining("escalation.outbox.lease");
  }

  private static OutboxProperties bind(Map<String, String> source) {
    return new Binder(new MapConfigurationPropertySource(source))
        .bindOrCreate("escalation.outbox", OutboxProperties.class);
  }
}
