package dev.escalation.workers.sla;

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
import java.util.List;
import java.util.Set;

/**
 * The working time an SLA clock counts in (T3, S2): either one team's weekly hours
 * ({@link WeeklyHours}) or the union of several ({@link Union}, follow-the-sun). Working time is
 * a sequence of half-open periods {@code [from, to)}; {@link #plus} and {@link #between} only
 * count time inside them, whatever kind of calendar gives them.
 */
public sealed interface SupportCalendar permits SupportCalendar.WeeklyHours, SupportCalendar.Union {

  /** Always open: every instant is working time, so plus/between are plain elapsed time. */
  static WeeklyHours twentyFourSeven() {
    return new WeeklyHours(
        ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MAX, Set.of());
  }

  boolean isAlwaysOpen();

  /**
   * The first working period that ends after {@code t}, cut to start no earlier than {@code t}:
   * {@code [t, from)} is not working time and {@code [from, to)} is. Consecutive periods may touch.
   */
  WorkingPeriod nextWorkingPeriod(Instant t);

  default boolean isWorkingTime(Instant t) {
    requireNonNull(t, "t");
    return isAlwaysOpen() || nextWorkingPeriod(t).from().equals(t);
  }

  /**
   * The instant at which {@code businessDuration} of working time has elapsed after {@code start}.
   * Time before the next opening does not count, so {@code Duration.ZERO} from a non-working
   * instant yields the next opening. A result exactly at closing time is allowed.
   */
  default Instant plus(Instant start, Duration businessDuration) {
    requireNonNull(start, "start");
    requireNonNull(businessDuration, "businessDuration");
    if (businessDuration.isNegative()) {
      throw new IllegalArgumentException("businessDuration must not be negative: " + businessDuration);
    }
    if (isAlwaysOpen()) {
      return start.plus(businessDuration);
    }
    Duration left = businessDuration;
    Instant cursor = start;
    while (true) {
      WorkingPeriod period = nextWorkingPeriod(cursor);
      Duration available = Duration.between(period.from(), period.to());
      if (left.compareTo(available) <= 0) {
        return period.from().plus(left);
      }
      left = left.minus(available);
      cursor = period.to();
    }
  }

  /** Working time in {@code [from, to)}; {@code Duration.ZERO} if {@code to} is not after {@code from}. */
  default Duration between(Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (isAlwaysOpen()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    Instant cursor = from;
    while (cursor.isBefore(to)) {
      WorkingPeriod period = nextWorkingPeriod(cursor);
      if (!period.from().isBefore(to)) {
        break;
      }
      Instant end = period.to().isBefore(to) ? period.to() : to;
      total = total.plus(Duration.between(period.from(), end));
      cursor = period.to();
    }
    return total;
  }

  /** A stretch of working time, {@code [from, to)}. */
  record WorkingPeriod(Instant from, Instant to) {}

  /**
   * One team's hours. Each working day is open in {@code [opensAt, closesAt)} in wall-clock time of
   * {@link #zone()}; all arithmetic happens on {@link ZonedDateTime}s in that zone, so DST
   * transitions keep the wall-clock opening hours. {@code closesAt == LocalTime.MAX} means "closes
   * at the end of the day" (next midnight), which lets a calendar cover whole days.
   */
  record WeeklyHours(
      ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opensAt, LocalTime closesAt, Set<LocalDate> holidays)
      implements SupportCalendar {

    public WeeklyHours {
      requireNonNull(zone, "zone");
      requireNonNull(workingDays, "workingDays");
      requireNonNull(opensAt, "opensAt");
      requireNonNull(closesAt, "closesAt");
      if (!opensAt.isBefore(closesAt)) {
        throw new IllegalArgumentException(
            "opensAt (" + opensAt + ") must be before closesAt (" + closesAt + ")");
      }
      workingDays = copyWorkingDays(workingDays);
      holidays = copyHolidays(holidays);
    }

    @Override
    public boolean isAlwaysOpen() {
      return workingDays.size() == DayOfWeek.values().length
          && opensAt.equals(LocalTime.MIDNIGHT)
          && closesAt.equals(LocalTime.MAX)
          && holidays.isEmpty();
    }

    @Override
    public WorkingPeriod nextWorkingPeriod(Instant t) {
      requireNonNull(t, "t");
      if (isAlwaysOpen()) {
        return new WorkingPeriod(t, t.plus(Duration.ofDays(1)));
      }
      // Terminates: there is at least one working day and only finitely many holidays.
      for (LocalDate day = t.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
        WorkingPeriod window = windowOn(day);
        if (window != null && t.isBefore(window.to())) {
          return new WorkingPeriod(window.from().isAfter(t) ? window.from() : t, window.to());
        }
      }
    }

    /** Opening window of {@code day}, or {@code null} if the team does not work that day. */
    private WorkingPeriod windowOn(LocalDate day) {
      if (!workingDays.contains(day.getDayOfWeek()) || holidays.contains(day)) {
        return null;
      }
      Instant opens = ZonedDateTime.of(day, opensAt, zone).toInstant();
      Instant closes =
          closesAt.equals(LocalTime.MAX)
              ? day.plusDays(1).atStartOfDay(zone).toInstant()
              : ZonedDateTime.of(day, closesAt, zone).toInstant();
      // Hours inside a skipped DST hour can shift opening past closing on that one day: closed then.
      return opens.isBefore(closes) ? new WorkingPeriod(opens, closes) : null;
    }
  }

  /**
   * Follow-the-sun (S2): working time whenever any member calendar is working, each in its own
   * zone with its own holidays. EU, US and APAC business hours on weekdays make a 24/5 calendar.
   */
  record Union(List<SupportCalendar> members) implements SupportCalendar {

    public Union {
      requireNonNull(members, "members");
      if (members.isEmpty()) {
        throw new IllegalArgumentException("members must contain at least one calendar");
      }
      if (members.stream().anyMatch(java.util.Objects::isNull)) {
        throw new IllegalArgumentException("members must not contain null");
      }
      members = List.copyOf(members);
    }

    @Override
    public boolean isAlwaysOpen() {
      return members.stream().anyMatch(SupportCalendar::isAlwaysOpen);
    }

    /**
     * The member period that starts first; any overlap with another member's period is counted
     * once, because the next search starts where this period ends.
     */
    @Override
    public WorkingPeriod nextWorkingPeriod(Instant t) {
      requireNonNull(t, "t");
      WorkingPeriod first = null;
      for (SupportCalendar member : members) {
        WorkingPeriod period = member.nextWorkingPeriod(t);
        if (first == null
            || period.from().isBefore(first.from())
            || (period.from().equals(first.from()) && period.to().isAfter(first.to()))) {
          first = period;
        }
      }
      return first;
    }
  }

  private static Set<DayOfWeek> copyWorkingDays(Set<DayOfWeek> days) {
    Set<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : days) {
      if (day == null) {
        throw new IllegalArgumentException("workingDays must not contain null");
      }
      copy.add(day);
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("workingDays must contain at least one day");
    }
    return Set.copyOf(copy);
  }

  private static Set<LocalDate> copyHolidays(Set<LocalDate> dates) {
    if (dates == null) {
      return Set.of();
    }
    Set<LocalDate> copy = new HashSet<>();
    for (LocalDate date : dates) {
      if (date == null) {
        throw new IllegalArgumentException("holidays must not contain null");
      }
      copy.add(date);
    }
    return Set.copyOf(copy);
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
