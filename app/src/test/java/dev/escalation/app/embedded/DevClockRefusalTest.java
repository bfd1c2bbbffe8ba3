package dev.escalation.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The dev clock's bounds at their edges (the end-to-end refusals are in BadInputTest). */
class DevClockRefusalTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void aYearAtMostAndNeverTo2100() {
    assertThat(DevClockController.refusal("P366D", NOW)).isNull();
    assertThat(DevClockController.refusal("PT8784H", NOW)).isNull();
    assertThat(DevClockController.refusal("PT8784H0.001S", NOW)).isEqualTo("must be at most P366D: move the clock in steps of a year or less");
    assertThat(DevClockController.refusal("PT16M", Instant.parse("2099-12-31T23:43:59.999Z"))).isNull();
    assertThat(DevClockController.refusal("PT16M", Instant.parse("2099-12-31T23:44:00Z")))
        .isEqualTo("is too far: the clock must stay before 2100-01-01T00:00:00Z");
    assertThat(DevClockController.refusal("P1D", Instant.parse("2150-01-01T00:00:00Z")))
        .isEqualTo("is too far: the clock must stay before 2100-01-01T00:00:00Z");
    assertThat(DevClockController.refusal("PT-1S", NOW)).isEqualTo("must be positive: the clock only moves forward");
    assertThat(DevClockController.refusal("", NOW)).isEqualTo("must be an ISO-8601 duration such as PT16M or P1DT2H");
  }
}
