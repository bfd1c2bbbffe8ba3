package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** T4, S1: where each warning threshold of a clock falls, in its calendar, from the time already spent. */
class WarningScheduleTest {
  private static final SupportCalendar ALWAYS = SupportCalendar.twentyFourSeven();
  private static final SupportCalendar BERLIN_OFFICE = new SupportCalendar.WeeklyHours(ZoneId.of("Europe/Berlin"),
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z"); // Wednesday 11:00 in Berlin
  private static final List<Double> HALF_AND_THREE_QUARTERS = List.of(0.5, 0.75);

  @Test
  void aFreshClockWarnsFirstAtItsLowestThreshold() {
    assertThat(WarningSchedule.first(ALWAYS, NOW, Duration.ofMinutes(30), Duration.ZERO, HALF_AND_THREE_QUARTERS))
        .isEqualTo(NOW.plus(Duration.ofMinutes(15)));
  }

  @Test
  void aResumedClockWarnsAtTheFirstThresholdStillAheadAndAtOnceWhenAllAreBehind() {
    assertThat(WarningSchedule.first(ALWAYS, NOW, Duration.ofMinutes(30), Duration.ofMinutes(20), HALF_AND_THREE_QUARTERS))
        .isEqualTo(NOW.plus(Duration.ofMinutes(2)).plusSeconds(30));
    assertThat(WarningSchedule.first(ALWAYS, NOW, Duration.ofMinutes(30), Duration.ofMinutes(25), HALF_AND_THREE_QUARTERS))
        .isEqualTo(NOW);
  }

  @Test
  void afterAWarningTheNextThresholdIsHandedOnAndNoneAfterTheLast() {
    assertThat(WarningSchedule.next(ALWAYS, NOW, Duration.ofMinutes(30), Duration.ofMinutes(15), HALF_AND_THREE_QUARTERS))
        .contains(NOW.plus(Duration.ofMinutes(7)).plusSeconds(30));
    assertThat(WarningSchedule.next(ALWAYS, NOW, Duration.ofMinutes(30), Duration.ofMinutes(22).plusSeconds(30),
        HALF_AND_THREE_QUARTERS)).isEmpty();
  }

  @Test
  void theThresholdReachedIsTheHighestBehindTheTimeSpentWithinASecond() {
    Duration target = Duration.ofMinutes(30);
    assertThat(WarningSchedule.reached(target, Duration.ofMinutes(14), HALF_AND_THREE_QUARTERS)).isEmpty();
    assertThat(WarningSchedule.reached(target, Duration.ofMinutes(15).minusMillis(500), HALF_AND_THREE_QUARTERS)).contains(0.5);
    assertThat(WarningSchedule.reached(target, Duration.ofMinutes(23), HALF_AND_THREE_QUARTERS)).contains(0.75);
  }

  @Test
  void warningsCountOnlyOpeningHoursOfABusinessCalendar() {
    // 4 business hours from Wednesday 11:00 Berlin: 50% is at 13:00; at 16:30 with 2h spent, 75% (3h) is Thursday 09:30
    assertThat(WarningSchedule.first(BERLIN_OFFICE, NOW, Duration.ofHours(4), Duration.ZERO, HALF_AND_THREE_QUARTERS))
        .isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
    assertThat(WarningSchedule.next(BERLIN_OFFICE, Instant.parse("2026-12-02T15:30:00Z"), Duration.ofHours(4), Duration.ofHours(2),
        HALF_AND_THREE_QUARTERS)).contains(Instant.parse("2026-12-03T08:30:00Z"));
  }
}
