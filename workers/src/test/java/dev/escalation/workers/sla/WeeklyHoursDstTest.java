package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * S2/T3: a calendar counts in its own zone's wall-clock time, with that zone's DST dates (New York
 * changes two weeks before Berlin), and hours that span the switch itself are an hour shorter in
 * spring and an hour longer in autumn.
 */
class WeeklyHoursDstTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Instant at(ZoneId zone, int year, int month, int day, int hour) {
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, zone).toInstant();
  }

  @Test
  void newYorkSpringForwardMovesTheOpeningInUtcButNotOnTheWallClock() {
    var newYork = new SupportCalendar.WeeklyHours(NEW_YORK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
    // Friday 2027-03-12 16:00 EST + 2 h: one hour Friday, one hour Monday 2027-03-15 from 09:00 EDT
    Instant due = newYork.plus(at(NEW_YORK, 2027, 3, 12, 16), Duration.ofHours(2));
    assertThat(due).isEqualTo(Instant.parse("2027-03-15T14:00:00Z"));
    assertThat(due.atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
    assertThat(newYork.isWorkingTime(Instant.parse("2027-03-15T13:00:00Z"))).as("09:00 EDT").isTrue();
    assertThat(newYork.isWorkingTime(Instant.parse("2027-03-12T13:30:00Z"))).as("08:30 EST").isFalse();
  }

  @Test
  void hoursSpanningTheSwitchAreShorterInSpringAndLongerInAutumn() {
    var nightShift = new SupportCalendar.WeeklyHours(BERLIN, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.of(6, 0), Set.of());
    Instant springDay = at(BERLIN, 2027, 3, 28, 0);
    assertThat(nightShift.between(springDay, at(BERLIN, 2027, 3, 29, 0))).isEqualTo(Duration.ofHours(5));
    Instant autumnDay = at(BERLIN, 2027, 10, 31, 0);
    assertThat(nightShift.between(autumnDay, at(BERLIN, 2027, 11, 1, 0))).isEqualTo(Duration.ofHours(7));
    // 6 hours from midnight on the spring day: 5 that night, the sixth the next night
    assertThat(nightShift.plus(springDay, Duration.ofHours(6))).isEqualTo(at(BERLIN, 2027, 3, 29, 1));
    assertThat(nightShift.plus(autumnDay, Duration.ofHours(6)).atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(5, 0));
  }

  @Test
  void holidaysBelongToTheirCalendar() {
    LocalDate thanksgiving = LocalDate.of(2027, 11, 25);
    var newYork = new SupportCalendar.WeeklyHours(NEW_YORK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(thanksgiving));
    var berlin = new SupportCalendar.WeeklyHours(BERLIN, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
    assertThat(newYork.isWorkingTime(at(NEW_YORK, 2027, 11, 25, 10))).isFalse();
    assertThat(berlin.isWorkingTime(at(BERLIN, 2027, 11, 25, 10))).isTrue();
    assertThat(newYork.plus(at(NEW_YORK, 2027, 11, 24, 16), Duration.ofHours(2))).isEqualTo(at(NEW_YORK, 2027, 11, 26, 10));
  }
}
