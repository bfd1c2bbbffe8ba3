package dev.escalation.workers.calendar;

import dev.escalation.workers.sla.SupportCalendar;
import dev.escalation.workers.sla.SupportCalendars;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S2: the calendars in MariaDB, read on every lookup (no cache), so an admin's change applies to the
 * next clock computed in that calendar.
 */
@Service
public class DbSupportCalendars implements SupportCalendars {
  private final CalendarRows rows;

  DbSupportCalendars(CalendarRows rows) {
    this.rows = rows;
  }

  @Override
  @Transactional(readOnly = true)
  public SupportCalendar named(String name) {
    StoredCalendar stored = rows.byName(name).orElseThrow(() -> unknown(name));
    if (stored.kind() == CalendarKind.UNION) {
      return new SupportCalendar.Union(stored.members().stream().map(this::weekly).map(SupportCalendar.class::cast).toList());
    }
    return weekly(stored);
  }

  private SupportCalendar.WeeklyHours weekly(String name) {
    return weekly(rows.byName(name).orElseThrow(() -> unknown(name)));
  }

  /** Names the calendars there are, so whoever wrote the name (a policy row, an admin) sees what to use. */
  private IllegalArgumentException unknown(String name) {
    String known = rows.all().stream().map(StoredCalendar::name).sorted().collect(Collectors.joining(", "));
    return new IllegalArgumentException("no support calendar named '" + name + "' (known: " + known + ")");
  }

  static SupportCalendar.WeeklyHours weekly(StoredCalendar stored) {
    Set<DayOfWeek> days = stored.workingDays().stream().map(DayOfWeek::valueOf).collect(Collectors.toSet());
    return new SupportCalendar.WeeklyHours(ZoneId.of(stored.zone()), days, CalendarRows.parseTime(stored.opensAt()),
        CalendarRows.parseTime(stored.closesAt()), stored.holidays().stream().map(Holiday::date).collect(Collectors.toSet()));
  }
}
