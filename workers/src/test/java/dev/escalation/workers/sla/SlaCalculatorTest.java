package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.sla.SlaProperties.CalendarProperties;
import dev.escalation.workers.ticket.Priority;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaCalculatorTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final SlaCalculator calculator = new SlaCalculator(SlaProperties.defaults());

  private static Instant berlin(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN).toInstant();
  }

  // 2026-11-27 is a Friday, 2026-11-30 the following Monday.
  private static final Instant FRI_16_00 = berlin(2026, 11, 27, 16, 0);
  private static final Instant FRI_17_00 = berlin(2026, 11, 27, 17, 0);
  private static final Instant FRI_18_30 = berlin(2026, 11, 27, 18, 30);
  private static final Instant SAT_03_00 = berlin(2026, 11, 28, 3, 0);
  private static final Instant SAT_10_00 = berlin(2026, 11, 28, 10, 0);
  private static final Instant MON_09_00 = berlin(2026, 11, 30, 9, 0);

  @Test
  void p1ResponseRunsAroundTheClock() {
    for (Instant start : List.of(FRI_16_00, FRI_18_30, SAT_03_00, MON_09_00)) {
      SlaClock clock = calculator.responseClock(Priority.P1, start);

      assertThat(clock.startedAt()).isEqualTo(start);
      assertThat(clock.dueAt()).isEqualTo(start.plus(Duration.ofMinutes(15)));
      assertThat(clock.warningAt()).isEqualTo(start.plus(Duration.ofMinutes(11).plusSeconds(15)));
    }
  }

  @Test
  void p1ResolutionIsFourElapsedHours() {
    SlaClock clock = calculator.resolutionClock(Priority.P1, SAT_03_00);

    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 11, 28, 7, 0));
    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 11, 28, 6, 0));
  }

  @Test
  void p2OpenedFridayEveningIsDueMondayMorning() {
    SlaClock clock = calculator.responseClock(Priority.P2, FRI_18_30);

    assertThat(clock.startedAt()).isEqualTo(FRI_18_30);
    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 11, 30, 10, 0));
    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 11, 30, 9, 45));
  }

  @Test
  void p2ResolutionCountsOneFullBusinessDay() {
    SlaClock clock = calculator.resolutionClock(Priority.P2, FRI_18_30);

    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 11, 30, 17, 0));
    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 11, 30, 15, 0));
  }

  @Test
  void p3OpenedFridayAfternoonSplitsAcrossTheWeekend() {
    SlaClock clock = calculator.responseClock(Priority.P3, FRI_16_00);

    // 1 h on Friday + 3 h on Monday; warning after 3 h = 1 h Friday + 2 h Monday.
    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 11, 30, 12, 0));
    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 11, 30, 11, 0));
  }

  @Test
  void holidayOnMondayPushesToTuesday() {
    SlaProperties properties =
        new SlaProperties(
            null,
            0.75,
            new CalendarProperties(null, null, null, null, List.of(LocalDate.of(2026, 11, 30))));
    SlaCalculator withHoliday = new SlaCalculator(properties);

    SlaClock clock = withHoliday.responseClock(Priority.P3, FRI_16_00);

    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 12, 1, 12, 0));
    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 12, 1, 11, 0));
  }

  @Test
  void startExactlyAtClosingTimeCountsFromMonday() {
    SlaClock clock = calculator.responseClock(Priority.P2, FRI_17_00);

    assertThat(clock.startedAt()).isEqualTo(FRI_17_00);
    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 11, 30, 10, 0));
    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 11, 30, 9, 45));
  }

  @Test
  void openedOnSaturdayCountsFromMonday() {
    SlaClock clock = calculator.responseClock(Priority.P2, SAT_10_00);

    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 11, 30, 10, 0));
    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 11, 30, 9, 45));
  }

  @Test
  void p4ResolutionOverChristmas() {
    SlaProperties properties =
        new SlaProperties(
            null,
            0.75,
            new CalendarProperties(
                null,
                null,
                null,
                null,
                List.of(
                    LocalDate.of(2026, 12, 24),
                    LocalDate.of(2026, 12, 25),
                    LocalDate.of(2026, 12, 26))));
    SlaCalculator christmas = new SlaCalculator(properties);

    SlaClock clock = christmas.resolutionClock(Priority.P4, berlin(2026, 12, 22, 9, 0));

    // Working days: 22, 23, 28, 29, 30, 31 Dec, 1 Jan (56 h), 4, 5 Jan (72 h).
    assertThat(clock.dueAt()).isEqualTo(berlin(2027, 1, 5, 17, 0));
    // 54 h: 48 h up to 31 Dec, then 6 h on 1 Jan.
    assertThat(clock.warningAt()).isEqualTo(berlin(2027, 1, 1, 15, 0));
  }

  @Test
  void remainingCountsOnlyBusinessTime() {
    Instant dueAt = berlin(2026, 11, 30, 10, 0);

    assertThat(calculator.remaining(Priority.P2, FRI_16_00, dueAt)).isEqualTo(Duration.ofHours(2));
    assertThat(calculator.remaining(Priority.P2, SAT_10_00, dueAt)).isEqualTo(Duration.ofHours(1));
    assertThat(calculator.remaining(Priority.P2, berlin(2026, 11, 30, 11, 0), dueAt)).isZero();
  }

  @Test
  void remainingForP1IsElapsedTime() {
    assertThat(calculator.remaining(Priority.P1, FRI_16_00, MON_09_00))
        .isEqualTo(Duration.between(FRI_16_00, MON_09_00));
  }

  @Test
  void pauseOnFridayResumedOnSaturdayIsDueMonday() {
    Duration full = calculator.responseTarget(Priority.P3);
    SlaClock running = calculator.responseClock(Priority.P3, berlin(2026, 11, 27, 14, 0));
    Duration left = calculator.remaining(Priority.P3, FRI_16_00, running.dueAt());
    assertThat(left).isEqualTo(Duration.ofHours(2));

    SlaClock resumed = calculator.resume(Priority.P3, SAT_10_00, left, full);

    assertThat(resumed.startedAt()).isEqualTo(SAT_10_00);
    assertThat(resumed.dueAt()).isEqualTo(berlin(2026, 11, 30, 11, 0));
    // Warning where 25 % of 4 h = 1 h remains.
    assertThat(resumed.warningAt()).isEqualTo(berlin(2026, 11, 30, 10, 0));
  }

  @Test
  void resumeKeepsWarningAtQuarterOfOriginalDurationLeft() {
    Instant now = berlin(2026, 11, 30, 9, 0);

    SlaClock resumed =
        calculator.resume(Priority.P2, now, Duration.ofHours(6), Duration.ofHours(8));

    assertThat(resumed.dueAt()).isEqualTo(berlin(2026, 11, 30, 15, 0));
    assertThat(resumed.warningAt()).isEqualTo(berlin(2026, 11, 30, 13, 0));
  }

  @Test
  void resumeWithLessThanQuarterLeftWarnsImmediately() {
    Instant now = berlin(2026, 11, 30, 10, 0);

    SlaClock resumed =
        calculator.resume(Priority.P2, now, Duration.ofHours(1), Duration.ofHours(8));

    assertThat(resumed.warningAt()).isEqualTo(now);
    assertThat(resumed.dueAt()).isEqualTo(berlin(2026, 11, 30, 11, 0));
  }

  @Test
  void resumeWithExactlyQuarterLeftWarnsImmediately() {
    Instant now = berlin(2026, 11, 30, 10, 0);

    SlaClock resumed =
        calculator.resume(Priority.P2, now, Duration.ofHours(2), Duration.ofHours(8));

    assertThat(resumed.warningAt()).isEqualTo(now);
    assertThat(resumed.dueAt()).isEqualTo(berlin(2026, 11, 30, 12, 0));
  }

  @Test
  void resumeOutsideWorkingTimeWithLessThanQuarterLeftWarnsAtNextOpening() {
    SlaClock resumed =
        calculator.resume(Priority.P2, SAT_10_00, Duration.ofMinutes(30), Duration.ofHours(8));

    assertThat(resumed.startedAt()).isEqualTo(SAT_10_00);
    assertThat(resumed.warningAt()).isEqualTo(MON_09_00);
    assertThat(resumed.dueAt()).isEqualTo(berlin(2026, 11, 30, 9, 30));
  }

  @Test
  void resumeOfP1IsElapsedTime() {
    SlaClock resumed =
        calculator.resume(Priority.P1, SAT_03_00, Duration.ofMinutes(10), Duration.ofMinutes(15));

    assertThat(resumed.dueAt()).isEqualTo(SAT_03_00.plus(Duration.ofMinutes(10)));
    assertThat(resumed.warningAt())
        .isEqualTo(SAT_03_00.plus(Duration.ofMinutes(6)).plusSeconds(15));
  }

  @Test
  void resumeRejectsNegativeRemaining() {
    assertThatThrownBy(
            () -> calculator.resume(Priority.P2, MON_09_00, Duration.ofMinutes(-1), Duration.ofHours(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remaining");
  }

  @Test
  void targetsComeFromProperties() {
    assertThat(calculator.responseTarget(Priority.P1)).isEqualTo(Duration.ofMinutes(15));
    assertThat(calculator.resolutionTarget(Priority.P1)).isEqualTo(Duration.ofHours(4));
    assertThat(calculator.responseTarget(Priority.P4)).isEqualTo(Duration.ofHours(24));
    assertThat(calculator.resolutionTarget(Priority.P4)).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void configuredWarningRatioIsUsed() {
    SlaCalculator halfway = new SlaCalculator(new SlaProperties(null, 0.5, null));

    SlaClock clock = halfway.responseClock(Priority.P3, FRI_16_00);

    assertThat(clock.warningAt()).isEqualTo(berlin(2026, 11, 30, 10, 0));
    assertThat(clock.dueAt()).isEqualTo(berlin(2026, 11, 30, 12, 0));
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> new SlaCalculator(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("properties");
    assertThatThrownBy(() -> calculator.responseClock(null, MON_09_00))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("priority");
    assertThatThrownBy(() -> calculator.responseClock(Priority.P2, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start");
  }
}
