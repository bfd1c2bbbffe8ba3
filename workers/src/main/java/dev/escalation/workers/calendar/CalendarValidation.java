package dev.escalation.workers.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Checks an admin's calendar change field by field; the first bad field is a {@link CalendarException} naming it. */
@Component
class CalendarValidation {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final String DAYS = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).collect(Collectors.joining(", "));
  private final CalendarRows rows;

  CalendarValidation(CalendarRows rows) {
    this.rows = rows;
  }

  ValidCalendar forCreate(CalendarChange change) {
    if (change.name() == null || change.name().isBlank()) {
      throw new CalendarException("name", "must not be blank");
    }
    if (!NAME.matcher(change.name()).matches()) {
      throw new CalendarException("name", "must be 1 to 64 lower-case letters, digits and '-', starting with a letter or digit");
    }
    if (rows.byName(change.name()).isPresent()) {
      throw new CalendarException("name", "is taken");
    }
    if (change.kind() == null) {
      throw new CalendarException("kind", "must not be null");
    }
    return check(change, change.name(), change.kind(), null);
  }

  ValidCalendar forUpdate(StoredCalendar stored, CalendarChange change) {
    if (change.name() != null && !change.name().equals(stored.name())) {
      throw new CalendarException("name", "cannot be changed: the SLA policy names the calendars its clocks count in");
    }
    if (change.kind() != null && change.kind() != stored.kind()) {
      throw new CalendarException("kind", "cannot be changed: create a new calendar instead");
    }
    return check(change, stored.name(), stored.kind(), stored.id());
  }

  List<LocalDate> dates(List<String> dates, String field) {
    if (dates == null) {
      throw new CalendarException(field, "must not be null");
    }
    List<LocalDate> parsed = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      String text = dates.get(i);
      try {
        parsed.add(LocalDate.parse(text == null ? "" : text));
      } catch (DateTimeParseException e) {
        throw new CalendarException(field + "[" + i + "]", "must be a date like 2026-12-24");
      }
    }
    return parsed;
  }

  private ValidCalendar check(CalendarChange change, String name, CalendarKind kind, Long self) {
    List<LocalDate> holidays = change.holidays() == null ? null : dates(change.holidays(), "holidays");
    if (kind == CalendarKind.UNION) {
      refuse(change.zone(), "zone");
      refuse(change.workingDays(), "workingDays");
      refuse(change.opensAt(), "opensAt");
      refuse(change.closesAt(), "closesAt");
      if (holidays != null) {
        throw new CalendarException("holidays", "a union has no holidays of its own: give them to its members");
      }
      return new ValidCalendar(name, kind, null, null, null, null, memberIds(change.members(), self), null);
    }
    if (change.members() != null && !change.members().isEmpty()) {
      throw new CalendarException("members", "only a union has members");
    }
    LocalTime opensAt = time(change.opensAt(), "opensAt", false);
    LocalTime closesAt = time(change.closesAt(), "closesAt", true);
    if (!opensAt.isBefore(closesAt)) {
      throw new CalendarException("closesAt", "must be after opensAt (" + change.opensAt() + ")");
    }
    return new ValidCalendar(name, kind, zone(change.zone()), days(change.workingDays()), opensAt, closesAt, null, holidays);
  }

  private static void refuse(Object value, String field) {
    if (value != null) {
      throw new CalendarException(field, "a union has none of its own: its members have theirs");
    }
  }

  private static ZoneId zone(String zone) {
    if (zone == null || zone.isBlank()) {
      throw new CalendarException("zone", "must not be blank");
    }
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new CalendarException("zone", "must be a time zone id such as Europe/Berlin");
    }
  }

  private static Set<DayOfWeek> days(List<String> days) {
    if (days == null || days.isEmpty()) {
      throw new CalendarException("workingDays", "must name at least one day");
    }
    Set<DayOfWeek> parsed = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i < days.size(); i++) {
      try {
        parsed.add(DayOfWeek.valueOf(days.get(i) == null ? "" : days.get(i)));
      } catch (IllegalArgumentException e) {
        throw new CalendarException("workingDays[" + i + "]", "must be one of " + DAYS);
      }
    }
    return parsed;
  }

  private static LocalTime time(String text, String field, boolean endOfDayAllowed) {
    if (text == null || text.isBlank()) {
      throw new CalendarException(field, "must not be blank");
    }
    if (endOfDayAllowed && text.equals("24:00")) {
      return LocalTime.MAX;
    }
    if (!TIME.matcher(text).matches()) {
      throw new CalendarException(field, "must be a time HH:MM" + (endOfDayAllowed ? " (24:00 for the end of the day)" : ""));
    }
    return LocalTime.parse(text);
  }

  private List<Long> memberIds(List<String> members, Long self) {
    if (members == null || members.isEmpty()) {
      throw new CalendarException("members", "must name at least one calendar");
    }
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      String field = "members[" + i + "]";
      StoredCalendar member = rows.byName(members.get(i) == null ? "" : members.get(i))
          .orElseThrow(() -> new CalendarException(field, "names no calendar"));
      if (member.kind() != CalendarKind.WEEKLY) {
        throw new CalendarException(field, "is a union: a union joins weekly calendars");
      }
      if (ids.contains(member.id()) || member.id() == (self == null ? -1 : self)) {
        throw new CalendarException(field, "is named twice");
      }
      ids.add(member.id());
    }
    return ids;
  }
}
