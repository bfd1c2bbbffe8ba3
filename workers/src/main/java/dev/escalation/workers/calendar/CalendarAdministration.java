package dev.escalation.workers.calendar;

import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * S2: admins create and change support calendars and add holidays; every change is on the audit
 * trail (CALENDAR_CHANGED, no ticket). A change applies to the next clock computed in that calendar,
 * never to a date already handed to the process (docs/calendars.md).
 */
@Service
public class CalendarAdministration {
  private final CalendarRows rows;
  private final CalendarValidation validation;
  private final AuditTrail audit;
  private final Clock clock;

  CalendarAdministration(CalendarRows rows, CalendarValidation validation, AuditTrail audit, Clock clock) {
    this.rows = rows;
    this.validation = validation;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<StoredCalendar> all() {
    return rows.all();
  }

  @Transactional(readOnly = true)
  public StoredCalendar get(long id) {
    return rows.byId(id).orElseThrow(() -> new CalendarNotFound(id));
  }

  @Transactional
  public StoredCalendar create(CalendarChange change, String actor) {
    ValidCalendar calendar = validation.forCreate(change);
    Instant now = clock.instant();
    long id = rows.insertIfAbsent(calendar, now, actor).orElseThrow(() -> new CalendarException("name", "is taken"));
    store(id, calendar);
    StoredCalendar created = get(id);
    audit.record(null, AuditEventType.CALENDAR_CHANGED, actor, "calendar " + created.name() + " created: " + describe(created));
    return created;
  }

  @Transactional
  public StoredCalendar update(long id, CalendarChange change, String actor) {
    StoredCalendar stored = get(id);
    ValidCalendar calendar = validation.forUpdate(stored, change);
    rows.update(id, calendar, clock.instant(), actor);
    store(id, calendar);
    StoredCalendar updated = get(id);
    audit.record(null, AuditEventType.CALENDAR_CHANGED, actor,
        "calendar " + updated.name() + " changed from " + describe(stored) + " to " + describe(updated));
    return updated;
  }

  /** Adds holidays to a weekly calendar; days it already has keep their names. */
  @Transactional
  public StoredCalendar addHolidays(long id, List<Holiday> holidays, String actor) {
    StoredCalendar stored = get(id);
    if (stored.kind() == CalendarKind.UNION) {
      throw new CalendarException("holidays", "a union has no holidays of its own: give them to its members");
    }
    if (holidays.isEmpty()) {
      throw new CalendarException("holidays", "must hold at least one day");
    }
    int added = rows.addHolidays(id, holidays);
    rows.touch(id, clock.instant(), actor);
    audit.record(null, AuditEventType.CALENDAR_CHANGED, actor, "calendar " + stored.name() + " holidays: " + added + " of "
        + holidays.size() + " added (" + holidays.getFirst().date() + " to " + holidays.getLast().date() + ")");
    return get(id);
  }

  /** Parses the dates of a JSON list, naming the bad element ({@code dates[2]}). */
  public List<Holiday> dates(List<String> dates) {
    return validation.dates(dates, "dates").stream().sorted().distinct().map(d -> new Holiday(d, null)).toList();
  }

  private void store(long id, ValidCalendar calendar) {
    if (calendar.kind() == CalendarKind.UNION) {
      rows.replaceMembers(id, calendar.memberIds());
    } else if (calendar.holidays() != null) {
      rows.replaceHolidays(id, calendar.holidays().stream().distinct().map((LocalDate d) -> new Holiday(d, null)).toList());
    }
  }

  static String describe(StoredCalendar c) {
    if (c.kind() == CalendarKind.UNION) {
      return "union of " + String.join(", ", c.members());
    }
    return c.zone() + " " + String.join(",", c.workingDays()) + " " + c.opensAt() + "-" + c.closesAt() + ", "
        + c.holidays().size() + " holidays";
  }
}
