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
import java.util.Set;

/**
 * Working-time calendar of the support team. Each working day is open in the half-open interval
 * {@code [opensAt, closesAt)} in wall-clock time of {@link #zone()}; all arithmetic happens on
 * {@link ZonedDateTime}s in that zone, so DST transitions keep the wall-clock opening hours.
 *
 * <p>{@code closesAt == LocalTime.MAX} means "closes at the end of the day" (next midnight), which
 * lets a calendar cover whole days without losing the last nanosecond.
 */
public record SupportCalendar(
    ZoneId zone,
    Set<DayOfWeek> workingDays,
    LocalTime opensAt,
    LocalTime closesAt,
    Set<LocalDate> holidays) {

  public SupportCalendar {
    if (zone == null) {
      throw new IllegalArgumentException("zone must not be null");
    }
    if (workingDays == null) {
      throw new IllegalArgumentException("workingDays must not be null");
    }
    if (opensAt == null) {
      throw new IllegalArgumentException("opensAt must not be null");
    }
    if (closesAt == null) {
      throw new IllegalArgumentException("closesAt must not be null");
    }
    if (!opensAt.isBefore(closesAt)) {
      throw new IllegalArgumentException(
          "opensAt (" + opensAt + ") must be before closesAt (" + closesAt + ")");
    }
    workingDays = copyWorkingDays(workingDays);
    holidays = copyHolidays(holidays);
  }

  /** Always open: every instant is working time, so plus/between are plain elapsed time. */
  public static SupportCalendar twentyFourSeven() {
    return new SupportCalendar(
        ZoneOffset.UTC,
        EnumSet.allOf(DayOfWeek.class),
        LocalTime.MIDNIGHT,
        LocalTime.MAX,
        Set.of());
  }

  public boolean isAlwaysOpen() {
    return workingDays.size() == DayOfWeek.values().length
        && opensAt.equals(LocalTime.MIDNIGHT)
        && closesAt.equals(LocalTime.MAX)
        && holidays.isEmpty();
  }

  public boolean isWorkingTime(Instant t) {
    requireNonNull(t, "t");
    if (isAlwaysOpen()) {
      return true;
    }
    Window window = windowOn(t.atZone(zone).toLocalDate());
    return window != null && !t.isBefore(window.opens()) && t.isBefore(window.closes());
  }

  /**
   * The instant at which {@code businessDuration} of working time has elapsed after {@code start}.
   * Time before the next opening does not count, so {@code Duration.ZERO} from a non-working
   * instant yields the next opening. A result exactly at closing time is allowed.
   */
  public Instant plus(Instant start, Duration businessDuration) {
    requireNonNull(start, "start");
    requireNonNull(businessDuration, "businessDuration");
    if (businessDuration.isNegative()) {
      throw new IllegalArgumentException(
          "businessDuration must not be negative: " + businessDuration);
    }
    if (isAlwaysOpen()) {
      return start.plus(businessDuration);
    }
    Duration left = businessDuration;
    Instant cursor = start;
    // Terminates: there is at least one working day and only finitely many holidays.
    for (LocalDate day = start.atZone(zone).toLocalDate(); ; day = day.plusDays(1)) {
      Window window = windowOn(day);
      if (window == null || !cursor.isBefore(window.closes())) {
        continue;
      }
      Instant from = max(cursor, window.opens());
      Duration available = Duration.between(from, window.closes());
      if (left.compareTo(available) <= 0) {
        return from.plus(left);
      }
      left = left.minus(available);
      cursor = window.closes();
    }
  }

  /** Working time in {@code [from, to)}; {@code Duration.ZERO} if {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (isAlwaysOpen()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
      Window window = windowOn(day);
      if (window == null) {
        continue;
      }
      Instant start = max(from, window.opens());
      Instant end = min(to, window.closes());
      if (end.isAfter(start)) {
        total = total.plus(Duration.between(start, end));
      }
    }
    return total;
  }

  /** Opening window of {@code day}, or {@code null} if the team does not work that day. */
  private Window windowOn(LocalDate day) {
    if (!workingDays.contains(day.getDayOfWeek()) || holidays.contains(day)) {
      return null;
    }
    Instant opens = ZonedDateTime.of(day, opensAt, zone).toInstant();
    Instant closes =
        closesAt.equals(LocalTime.MAX)
            ? day.plusDays(1).atStartOfDay(zone).toInstant()
            : ZonedDateTime.of(day, closesAt, zone).toInstant();
    return new Window(opens, closes);
  }

  private record Window(Instant opens, Instant closes) {}

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

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
