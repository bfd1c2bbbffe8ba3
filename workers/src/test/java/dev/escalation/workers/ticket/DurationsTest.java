package dev.escalation.workers.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void secondsOnlyUnderAMinute() {
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0 s");
    assertThat(Durations.format(Duration.ofMillis(45_912))).isEqualTo("45 s");
    assertThat(Durations.format(Duration.ofSeconds(59))).isEqualTo("59 s");
    assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("1 min");
    assertThat(Durations.format(Duration.ofSeconds(12 * 60 + 59))).isEqualTo("12 min");
  }

  @Test
  void hoursAndMinutesRoundedDown() {
    assertThat(Durations.format(Duration.parse("PT3H59M45.312710517S"))).isEqualTo("3 h 59 min");
    assertThat(Durations.format(Duration.ofHours(4))).isEqualTo("4 h");
    assertThat(Durations.format(Duration.ofMinutes(61))).isEqualTo("1 h 1 min");
  }

  @Test
  void daysAndHoursFromADayOn() {
    assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("1 d");
    assertThat(Durations.format(Duration.ofDays(2).plusHours(4).plusMinutes(30))).isEqualTo("2 d 4 h");
    assertThat(Durations.format(Duration.ofDays(7))).isEqualTo("7 d");
  }

  @Test
  void aNegativeDurationReadsAsItsSize() {
    assertThat(Durations.format(Duration.ofMinutes(-5))).isEqualTo("5 min");
  }
}
