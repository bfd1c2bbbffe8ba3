package dev.escalation.workers.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.escalation.workers.ticket.Priority;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S2/T3: no warning or breach ever falls outside the calendar its clock counts in. For every
 * business-hours priority, clocks started (and resumed) every 47 minutes through weeks with DST
 * switches and holidays: each warning and due instant is working time of that calendar, or the very
 * closing instant of a working period (the half-open period's end, when the last working second
 * has passed), and the working time between start and due is exactly the target.
 */
class ClocksStayInsideTheirCalendarTest {
  private static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  private static final Map<String, SupportCalendar> CALENDARS = Map.of(
      "berlin-with-holidays", new SupportCalendar.WeeklyHours(ZoneId.of("Europe/Berlin"), MON_FRI, LocalTime.of(9, 0), LocalTime.of(17, 0),
          Set.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 11, 1))),
      "new-york", new SupportCalendar.WeeklyHours(ZoneId.of("America/New_York"), MON_FRI, LocalTime.of(8, 30), LocalTime.of(18, 0),
          Set.of(LocalDate.of(2027, 11, 25))),
      "night-shift", new SupportCalendar.WeeklyHours(ZoneId.of("Europe/Berlin"), EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0),
          LocalTime.of(5, 0), Set.of()),
      "follow-the-sun", new SupportCalendar.Union(List.of(
          new SupportCalendar.WeeklyHours(ZoneId.of("Europe/London"), MON_FRI, LocalTime.of(8, 0), LocalTime.of(16, 0), Set.of(LocalDate.of(2027, 3, 29))),
          new SupportCalendar.WeeklyHours(ZoneId.of("America/New_York"), MON_FRI, LocalTime.of(11, 0), LocalTime.of(19, 0), Set.of()),
          new SupportCalendar.WeeklyHours(ZoneId.of("Asia/Tokyo"), MON_FRI, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()))));
  /** Weeks around the spring and autumn switches of Europe (28 March, 31 October 2027) and the US (14 March, 7 November 2027). */
  private static final List<Instant> WEEKS = List.of(Instant.parse("2027-03-10T00:00:00Z"), Instant.parse("2027-03-24T00:00:00Z"),
      Instant.parse("2027-10-27T00:00:00Z"), Instant.parse("2027-11-04T00:00:00Z"), Instant.parse("2027-11-22T00:00:00Z"));

  @ParameterizedTest
  @ValueSource(strings = {"berlin-with-holidays", "new-york", "night-shift", "follow-the-sun"})
  void warningsAndBreachesFallInsideTheCalendar(String name) {
    SupportCalendar calendar = CALENDARS.get(name);
    SlaCalculator calculator = new SlaCalculator(SlaProperties.defaults(),
        n -> CalendarNames.BUSINESS_HOURS.equals(n) ? calendar : SupportCalendar.twentyFourSeven());
    int checked = 0;
    for (Instant week : WEEKS) {
      for (Instant start = week; start.isBefore(week.plus(Duration.ofDays(7))); start = start.plus(Duration.ofMinutes(47))) {
        for (Priority priority : List.of(Priority.P2, Priority.P3, Priority.P4)) {
          assertThat(calculator.calendarName(priority)).isEqualTo(CalendarNames.BUSINESS_HOURS);
          SlaClock response = calculator.responseClock(priority, start);
          SlaClock resolution = calculator.resolutionClock(priority, start);
          assertInside(calendar, response, name + " " + priority + " response from " + start);
          assertInside(calendar, resolution, name + " " + priority + " resolution from " + start);
          assertThat(calendar.between(start, response.dueAt())).isEqualTo(calculator.responseTarget(priority));
          assertThat(calendar.between(start, resolution.dueAt())).isEqualTo(calculator.resolutionTarget(priority));
          Duration left = calculator.resolutionTarget(priority).dividedBy(3);
          assertInside(calendar, calculator.resume(priority, start, left, calculator.resolutionTarget(priority)),
              name + " " + priority + " resumed at " + start);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(WEEKS.size() * 215 * 3);
  }

  private static void assertInside(SupportCalendar calendar, SlaClock clock, String what) {
    for (Instant fires : List.of(clock.warningAt(), clock.dueAt())) {
      boolean working = calendar.isWorkingTime(fires);
      boolean closingInstant = !working && calendar.isWorkingTime(fires.minusNanos(1));
      assertThat(working || closingInstant).as(what + ": fires at " + fires).isTrue();
    }
  }
}
