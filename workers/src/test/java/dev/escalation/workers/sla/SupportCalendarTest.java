package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupportCalendarTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Set<DayOfWeek> MON_FRI =
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private static SupportCalendar berlin(LocalDate... holidays) {
    return new SupportCalendar.WeeklyHours(
        BERLIN, MON_FRI, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(holidays));
  }

  private static Instant berlin(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, BERLIN).toInstant();
  }

  private static ZonedDateTime inBerlin(Instant instant) {
    return instant.atZone(BERLIN);
  }

  // 2026-11-27 is a Friday, 2026-11-30 the following Monday.
  private static final Instant FRI_16_00 = berlin(2026, 11, 27, 16, 0);
  private static final Instant FRI_17_00 = berlin(2026, 11, 27, 17, 0);
  private static final Instant SAT_10_00 = berlin(2026, 11, 28, 10, 0);
  private static final Instant MON_09_00 = berlin(2026, 11, 30, 9, 0);

  @Test
  void workingTimeIncludesOpeningAndExcludesClosing() {
    SupportCalendar calendar = berlin();

    assertThat(calendar.isWorkingTime(berlin(2026, 11, 27, 9, 0))).isTrue();
    assertThat(calendar.isWorkingTime(berlin(2026, 11, 27, 8, 59))).isFalse();
    assertThat(calendar.isWorkingTime(berlin(2026, 11, 27, 16, 59))).isTrue();
    assertThat(calendar.isWorkingTime(FRI_17_00)).isFalse();
    assertThat(calendar.isWorkingTime(SAT_10_00)).isFalse();
  }

  @Test
  void holidayIsNotWorkingTime() {
    SupportCalendar calendar = berlin(LocalDate.of(2026, 11, 30));

    assertThat(calendar.isWorkingTime(berlin(2026, 11, 30, 10, 0))).isFalse();
    assertThat(calendar.isWorkingTime(berlin(2026, 12, 1, 10, 0))).isTrue();
  }

  @Test
  void plusWithinOneDay() {
    assertThat(berlin().plus(berlin(2026, 11, 27, 10, 0), Duration.ofHours(2)))
        .isEqualTo(berlin(2026, 11, 27, 12, 0));
  }

  @Test
  void plusMayEndExactlyAtClosingTime() {
    assertThat(berlin().plus(FRI_16_00, Duration.ofHours(1))).isEqualTo(FRI_17_00);
  }

  @Test
  void plusCarriesOverTheWeekend() {
    assertThat(berlin().plus(FRI_16_00, Duration.ofHours(4)))
        .isEqualTo(berlin(2026, 11, 30, 12, 0));
  }

  @Test
  void plusStartingAtClosingTimeCountsFromNextOpening() {
    assertThat(berlin().plus(FRI_17_00, Duration.ofHours(1)))
        .isEqualTo(berlin(2026, 11, 30, 10, 0));
  }

  @Test
  void plusStartingOnSaturdayCountsFromMonday() {
    assertThat(berlin().plus(SAT_10_00, Duration.ofMinutes(45)))
        .isEqualTo(berlin(2026, 11, 30, 9, 45));
  }

  @Test
  void plusStartingBeforeOpeningCountsFromOpening() {
    assertThat(berlin().plus(berlin(2026, 11, 30, 6, 0), Duration.ofMinutes(30)))
        .isEqualTo(berlin(2026, 11, 30, 9, 30));
  }

  @Test
  void plusZeroFromNonWorkingTimeIsNextOpening() {
    assertThat(berlin().plus(FRI_17_00, Duration.ZERO)).isEqualTo(MON_09_00);
    assertThat(berlin().plus(SAT_10_00, Duration.ZERO)).isEqualTo(MON_09_00);
  }

  @Test
  void plusZeroFromWorkingTimeIsStart() {
    assertThat(berlin().plus(FRI_16_00, Duration.ZERO)).isEqualTo(FRI_16_00);
  }

  @Test
  void holidayOnMondayPushesToTuesday() {
    SupportCalendar calendar = berlin(LocalDate.of(2026, 11, 30));

    assertThat(calendar.plus(FRI_16_00, Duration.ofHours(4)))
        .isEqualTo(berlin(2026, 12, 1, 12, 0));
  }

  @Test
  void longSpanOverChristmasHolidays() {
    SupportCalendar calendar =
        berlin(
            LocalDate.of(2026, 12, 24),
            LocalDate.of(2026, 12, 25),
            LocalDate.of(2026, 12, 26),
            LocalDate.of(2027, 1, 1));
    Instant start = berlin(2026, 12, 22, 9, 0);

    // Working days: 22, 23, 28, 29, 30, 31 Dec (48 h), 4, 5, 6 Jan (72 h).
    assertThat(calendar.plus(start, Duration.ofHours(72))).isEqualTo(berlin(2027, 1, 6, 17, 0));
    assertThat(calendar.between(start, berlin(2027, 1, 6, 17, 0))).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void betweenAcrossWeekend() {
    assertThat(berlin().between(berlin(2026, 11, 27, 15, 0), berlin(2026, 11, 30, 11, 0)))
        .isEqualTo(Duration.ofHours(4));
  }

  @Test
  void betweenIsZeroOutsideWorkingTimeOrForReversedInterval() {
    SupportCalendar calendar = berlin();

    assertThat(calendar.between(SAT_10_00, berlin(2026, 11, 29, 20, 0))).isZero();
    assertThat(calendar.between(MON_09_00, FRI_16_00)).isZero();
    assertThat(calendar.between(FRI_16_00, FRI_16_00)).isZero();
  }

  @Test
  void betweenIgnoresTimeBeforeOpeningAndAfterClosing() {
    assertThat(berlin().between(berlin(2026, 11, 30, 7, 0), berlin(2026, 11, 30, 19, 0)))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void springForwardWeekKeepsWallClockOpeningHours() {
    // DST starts Sunday 2026-03-29 in Europe/Berlin (+01:00 -> +02:00).
    SupportCalendar calendar = berlin();
    Instant friday = berlin(2026, 3, 27, 16, 0);

    Instant due = calendar.plus(friday, Duration.ofHours(4));

    assertThat(inBerlin(due).toLocalDateTime()).isEqualTo("2026-03-30T12:00");
    assertThat(inBerlin(due).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    assertThat(due).isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
    assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
    assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T06:59:59Z"))).isFalse();
    assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T14:59:59Z"))).isTrue();
    assertThat(calendar.isWorkingTime(Instant.parse("2026-03-30T15:00:00Z"))).isFalse();
    assertThat(calendar.between(berlin(2026, 3, 27, 9, 0), berlin(2026, 3, 30, 17, 0)))
        .isEqualTo(Duration.ofHours(16));
  }

  @Test
  void fallBackWeekKeepsWallClockOpeningHours() {
    // DST ends Sunday 2026-10-25 in Europe/Berlin (+02:00 -> +01:00).
    SupportCalendar calendar = berlin();
    Instant friday = berlin(2026, 10, 23, 16, 0);

    Instant due = calendar.plus(friday, Duration.ofHours(4));

    assertThat(inBerlin(due).toLocalDateTime()).isEqualTo("2026-10-26T12:00");
    assertThat(due).isEqualTo(Instant.parse("2026-10-26T11:00:00Z"));
    assertThat(calendar.plus(berlin(2026, 10, 24, 12, 0), Duration.ZERO))
        .isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    assertThat(calendar.between(berlin(2026, 10, 23, 9, 0), berlin(2026, 10, 26, 17, 0)))
        .isEqualTo(Duration.ofHours(16));
  }

  @Test
  void workingTimeSpanningTheDstSwitchCountsElapsedTime() {
    // Open every day 00:00-23:00: on 2026-03-29 that wall-clock window is only 22 h long.
    SupportCalendar calendar =
        new SupportCalendar.WeeklyHours(
            BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(23, 0), null);

    assertThat(calendar.between(berlin(2026, 3, 28, 0, 0), berlin(2026, 3, 30, 0, 0)))
        .isEqualTo(Duration.ofHours(23 + 22));
    assertThat(calendar.plus(berlin(2026, 3, 29, 0, 0), Duration.ofHours(22)))
        .isEqualTo(berlin(2026, 3, 29, 23, 0));
  }

  @Test
  void plusAndBetweenAreInverse() {
    SupportCalendar calendar = berlin(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25));
    Instant[] starts = {
      FRI_16_00, FRI_17_00, SAT_10_00, berlin(2026, 12, 23, 12, 34), berlin(2026, 3, 28, 3, 0)
    };
    Duration[] durations = {
      Duration.ZERO,
      Duration.ofMinutes(1),
      Duration.ofMinutes(45),
      Duration.ofHours(8),
      Duration.ofHours(8).plusMinutes(1),
      Duration.ofHours(72),
      Duration.ofSeconds(123_457)
    };
    for (Instant start : starts) {
      for (Duration duration : durations) {
        Instant end = calendar.plus(start, duration);
        assertThat(calendar.between(start, end)).as("%s + %s", start, duration).isEqualTo(duration);
        assertThat(calendar.isWorkingTime(end) || isClosingTime(end))
            .as("%s + %s = %s lands in working time", start, duration, end)
            .isTrue();
      }
    }
  }

  @Test
  void longSpansIterateByDay() {
    SupportCalendar calendar = berlin();
    Duration tenYears = Duration.ofHours(8L * 5 * 52 * 10);

    Instant end =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2), () -> calendar.plus(MON_09_00, tenYears));

    assertThat(calendar.between(MON_09_00, end)).isEqualTo(tenYears);
  }

  @Test
  void twentyFourSevenIsPlainTimeArithmetic() {
    SupportCalendar calendar = SupportCalendar.twentyFourSeven();

    assertThat(calendar.isAlwaysOpen()).isTrue();
    assertThat(calendar.isWorkingTime(SAT_10_00)).isTrue();
    assertThat(calendar.plus(SAT_10_00, Duration.ofMinutes(15)))
        .isEqualTo(SAT_10_00.plus(Duration.ofMinutes(15)));
    assertThat(calendar.plus(SAT_10_00, Duration.ZERO)).isEqualTo(SAT_10_00);
    assertThat(calendar.between(FRI_16_00, MON_09_00))
        .isEqualTo(Duration.between(FRI_16_00, MON_09_00));
    assertThat(berlin().isAlwaysOpen()).isFalse();
  }

  @Test
  void holidaysMayBeNull() {
    SupportCalendar.WeeklyHours calendar =
        new SupportCalendar.WeeklyHours(BERLIN, MON_FRI, LocalTime.of(9, 0), LocalTime.of(17, 0), null);

    assertThat(calendar.holidays()).isEmpty();
  }

  @Test
  void inputSetsAreCopied() {
    Set<DayOfWeek> days = new HashSet<>(MON_FRI);
    SupportCalendar.WeeklyHours calendar =
        new SupportCalendar.WeeklyHours(BERLIN, days, LocalTime.of(9, 0), LocalTime.of(17, 0), null);
    days.add(DayOfWeek.SATURDAY);

    assertThat(calendar.isWorkingTime(SAT_10_00)).isFalse();
    assertThatThrownBy(() -> calendar.workingDays().add(DayOfWeek.SUNDAY))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsOpeningNotBeforeClosing() {
    assertThatThrownBy(
            () ->
                new SupportCalendar.WeeklyHours(
                    BERLIN, MON_FRI, LocalTime.of(17, 0), LocalTime.of(9, 0), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opensAt")
        .hasMessageContaining("closesAt");
    assertThatThrownBy(
            () ->
                new SupportCalendar.WeeklyHours(
                    BERLIN, MON_FRI, LocalTime.of(9, 0), LocalTime.of(9, 0), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opensAt");
  }

  @Test
  void rejectsMissingWorkingDays() {
    assertThatThrownBy(
            () ->
                new SupportCalendar.WeeklyHours(
                    BERLIN, Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workingDays");
    assertThatThrownBy(
            () -> new SupportCalendar.WeeklyHours(BERLIN, null, LocalTime.of(9, 0), LocalTime.of(17, 0), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workingDays");
  }

  @Test
  void rejectsNullFields() {
    assertThatThrownBy(
            () -> new SupportCalendar.WeeklyHours(null, MON_FRI, LocalTime.of(9, 0), LocalTime.of(17, 0), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zone");
    assertThatThrownBy(() -> new SupportCalendar.WeeklyHours(BERLIN, MON_FRI, null, LocalTime.of(17, 0), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opensAt");
    assertThatThrownBy(() -> new SupportCalendar.WeeklyHours(BERLIN, MON_FRI, LocalTime.of(9, 0), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closesAt");
  }

  @Test
  void rejectsNegativeDuration() {
    assertThatThrownBy(() -> berlin().plus(FRI_16_00, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("businessDuration");
  }

  private static boolean isClosingTime(Instant instant) {
    return inBerlin(instant).toLocalTime().equals(LocalTime.of(17, 0));
  }
}
