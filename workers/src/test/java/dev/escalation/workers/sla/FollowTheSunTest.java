package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * S2: a follow-the-sun calendar is the union of regional calendars, each in its own zone, with its
 * own DST dates and its own holidays. London 08-16, New York 11-19 and Tokyo 09-17 on their
 * weekdays cover 24 hours a day in winter (Tokyo Monday 09:00 is Sunday 24:00 UTC, New York Friday
 * 19:00 is Saturday 00:00 UTC): 24/5. In summer London and New York run an hour earlier in UTC and
 * leave 23:00-24:00 UTC uncovered.
 */
class FollowTheSunTest {
  private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private static SupportCalendar.WeeklyHours region(String zone, int opens, int closes, LocalDate... holidays) {
    return new SupportCalendar.WeeklyHours(ZoneId.of(zone), MON_FRI, LocalTime.of(opens, 0), LocalTime.of(closes, 0), Set.of(holidays));
  }

  private static final SupportCalendar.WeeklyHours EU = region("Europe/London", 8, 16);
  private static final SupportCalendar.WeeklyHours US = region("America/New_York", 11, 19);
  private static final SupportCalendar.WeeklyHours APAC = region("Asia/Tokyo", 9, 17);
  private static final SupportCalendar FOLLOW_THE_SUN = new SupportCalendar.Union(List.of(EU, US, APAC));

  private static Instant utc(String text) {
    return Instant.parse(text);
  }

  @Test
  void threeRegionsMakeTwentyFourFiveInWinter() {
    // Monday 2027-01-11 00:00 UTC to Saturday 2027-01-16 00:00 UTC
    assertThat(FOLLOW_THE_SUN.between(utc("2027-01-10T00:00:00Z"), utc("2027-01-17T00:00:00Z"))).isEqualTo(Duration.ofHours(120));
    assertThat(FOLLOW_THE_SUN.isWorkingTime(utc("2027-01-10T23:59:59Z"))).as("Sunday 23:59 UTC, Tokyo not open yet").isFalse();
    assertThat(FOLLOW_THE_SUN.isWorkingTime(utc("2027-01-11T00:00:00Z"))).as("Tokyo opens Monday 09:00").isTrue();
    assertThat(FOLLOW_THE_SUN.isWorkingTime(utc("2027-01-13T23:30:00Z"))).as("New York until 19:00 EST").isTrue();
    assertThat(FOLLOW_THE_SUN.isWorkingTime(utc("2027-01-15T23:59:59Z"))).isTrue();
    assertThat(FOLLOW_THE_SUN.isWorkingTime(utc("2027-01-16T00:00:00Z"))).as("Saturday: everybody closed").isFalse();
    assertThat(FOLLOW_THE_SUN.isAlwaysOpen()).isFalse();
  }

  @Test
  void aClockCarriesFromRegionToRegionAndOverTheWeekend() {
    // Friday 23:00 UTC: one hour of New York left, then Tokyo's Monday
    assertThat(FOLLOW_THE_SUN.plus(utc("2027-01-15T23:00:00Z"), Duration.ofHours(2))).isEqualTo(utc("2027-01-18T01:00:00Z"));
    // 30 working hours from Monday 06:00 UTC: straight through the regions, Tuesday 12:00 UTC
    assertThat(FOLLOW_THE_SUN.plus(utc("2027-01-11T06:00:00Z"), Duration.ofHours(30))).isEqualTo(utc("2027-01-12T12:00:00Z"));
  }

  @Test
  void overlappingRegionsCountOnce() {
    SupportCalendar berlinAndLondon = new SupportCalendar.Union(List.of(region("Europe/Berlin", 9, 17), region("Europe/London", 9, 17)));
    // Berlin 08-16 UTC, London 09-17 UTC in January: 9 hours a day, not 16
    assertThat(berlinAndLondon.between(utc("2027-01-11T00:00:00Z"), utc("2027-01-12T00:00:00Z"))).isEqualTo(Duration.ofHours(9));
    assertThat(berlinAndLondon.plus(utc("2027-01-11T08:00:00Z"), Duration.ofHours(9))).isEqualTo(utc("2027-01-11T17:00:00Z"));
  }

  @Test
  void eachRegionKeepsItsOwnDaylightSavingTime() {
    // 2027-03-15: New York is on EDT (since 14 March), London still on GMT (until 28 March)
    Instant monday = utc("2027-03-15T00:00:00Z");
    assertThat(FOLLOW_THE_SUN.isWorkingTime(utc("2027-03-15T23:30:00Z"))).as("New York closed at 19:00 EDT = 23:00 UTC").isFalse();
    assertThat(FOLLOW_THE_SUN.between(monday, monday.plus(Duration.ofDays(1)))).isEqualTo(Duration.ofHours(23));
    // 2027-04-05: both on summer time, London 07-15 UTC and New York 15-23 UTC
    Instant april = utc("2027-04-05T00:00:00Z");
    assertThat(FOLLOW_THE_SUN.between(april, april.plus(Duration.ofDays(7)))).isEqualTo(Duration.ofHours(5 * 23));
    assertThat(FOLLOW_THE_SUN.isWorkingTime(utc("2027-04-05T07:00:00Z"))).as("London opens 08:00 BST").isTrue();
    // autumn: New York back on EST from 7 November, London from 31 October
    Instant november = utc("2027-11-08T00:00:00Z");
    assertThat(FOLLOW_THE_SUN.between(november, november.plus(Duration.ofDays(5)))).isEqualTo(Duration.ofHours(120));
  }

  @Test
  void aHolidayClosesOnlyItsOwnRegion() {
    LocalDate ukHoliday = LocalDate.of(2027, 1, 11); // a Monday
    SupportCalendar withUkHoliday = new SupportCalendar.Union(List.of(region("Europe/London", 8, 16, ukHoliday), US, APAC));
    assertThat(withUkHoliday.isWorkingTime(utc("2027-01-11T12:00:00Z"))).as("London's hours on its holiday").isFalse();
    assertThat(withUkHoliday.isWorkingTime(utc("2027-01-11T04:00:00Z"))).as("Tokyo works").isTrue();
    assertThat(withUkHoliday.isWorkingTime(utc("2027-01-11T17:00:00Z"))).as("New York works").isTrue();
    // Tokyo closes 08:00 UTC, New York opens 16:00 UTC
    assertThat(withUkHoliday.plus(utc("2027-01-11T07:00:00Z"), Duration.ofHours(2))).isEqualTo(utc("2027-01-11T17:00:00Z"));
    assertThat(withUkHoliday.between(utc("2027-01-11T00:00:00Z"), utc("2027-01-12T00:00:00Z"))).isEqualTo(Duration.ofHours(16));
  }

  @Test
  void aUnionWithAnAlwaysOpenMemberIsAlwaysOpen() {
    SupportCalendar union = new SupportCalendar.Union(List.of(EU, SupportCalendar.twentyFourSeven()));
    assertThat(union.isAlwaysOpen()).isTrue();
    assertThat(union.plus(utc("2027-01-16T03:00:00Z"), Duration.ofHours(5))).isEqualTo(utc("2027-01-16T08:00:00Z"));
  }

  @Test
  void aUnionNeedsMembers() {
    assertThatThrownBy(() -> new SupportCalendar.Union(List.of())).hasMessageContaining("members");
    assertThatThrownBy(() -> new SupportCalendar.Union(null)).hasMessageContaining("members");
  }
}
