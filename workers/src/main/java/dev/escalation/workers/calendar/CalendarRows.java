package dev.escalation.workers.calendar;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of the support_calendar tables (V12). */
@Repository
class CalendarRows {
  private static final String COLUMNS = "id, name, kind, zone, working_days, opens_at, closes_at, updated_at, updated_by";
  private final JdbcClient jdbc;

  CalendarRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<StoredCalendar> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM support_calendar ORDER BY name").query(this::row).list();
  }

  Optional<StoredCalendar> byId(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM support_calendar WHERE id = ?").param(id).query(this::row).optional();
  }

  Optional<StoredCalendar> byName(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM support_calendar WHERE name = ?").param(name).query(this::row).optional();
  }

  /** Inserts the calendar unless one of that name exists (two replicas seeding at once); its id, or empty. */
  Optional<Long> insertIfAbsent(ValidCalendar calendar, Instant at, String actor) {
    var keys = new GeneratedKeyHolder();
    int rows = jdbc.sql("INSERT IGNORE INTO support_calendar (name, kind, zone, working_days, opens_at, closes_at, updated_at, updated_by)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(calendar.name(), calendar.kind().name(), zone(calendar), days(calendar), time(calendar.opensAt()),
            time(calendar.closesAt()), Timestamp.from(at), actor)
        .update(keys, "id");
    return rows == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
  }

  void update(long id, ValidCalendar calendar, Instant at, String actor) {
    jdbc.sql("UPDATE support_calendar SET zone = ?, working_days = ?, opens_at = ?, closes_at = ?, updated_at = ?, updated_by = ?"
            + " WHERE id = ?")
        .params(zone(calendar), days(calendar), time(calendar.opensAt()), time(calendar.closesAt()), Timestamp.from(at), actor, id)
        .update();
  }

  void touch(long id, Instant at, String actor) {
    jdbc.sql("UPDATE support_calendar SET updated_at = ?, updated_by = ? WHERE id = ?").params(Timestamp.from(at), actor, id).update();
  }

  void replaceMembers(long unionId, List<Long> memberIds) {
    jdbc.sql("DELETE FROM support_calendar_member WHERE union_id = ?").param(unionId).update();
    for (int i = 0; i < memberIds.size(); i++) {
      jdbc.sql("INSERT INTO support_calendar_member (union_id, member_id, position) VALUES (?, ?, ?)")
          .params(unionId, memberIds.get(i), i).update();
    }
  }

  /** Whether {@code calendarId} is a member of some union. */
  boolean isMember(long calendarId) {
    return jdbc.sql("SELECT COUNT(*) FROM support_calendar_member WHERE member_id = ?").param(calendarId).query(Long.class).single() > 0;
  }

  /** Adds the holidays a calendar does not have yet; how many were new. */
  int addHolidays(long calendarId, List<Holiday> holidays) {
    int added = 0;
    for (Holiday holiday : holidays) {
      added += jdbc.sql("INSERT IGNORE INTO support_calendar_holiday (calendar_id, day, name) VALUES (?, ?, ?)")
          .params(calendarId, Date.valueOf(holiday.date()), holiday.name()).update();
    }
    return added;
  }

  void replaceHolidays(long calendarId, List<Holiday> holidays) {
    jdbc.sql("DELETE FROM support_calendar_holiday WHERE calendar_id = ?").param(calendarId).update();
    addHolidays(calendarId, holidays);
  }

  List<Holiday> holidays(long calendarId) {
    return jdbc.sql("SELECT day, name FROM support_calendar_holiday WHERE calendar_id = ? ORDER BY day")
        .param(calendarId).query((rs, n) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2))).list();
  }

  /** Member names of a union, in their order. */
  List<String> members(long unionId) {
    return jdbc.sql("SELECT c.name FROM support_calendar_member m JOIN support_calendar c ON c.id = m.member_id"
            + " WHERE m.union_id = ? ORDER BY m.position")
        .param(unionId).query(String.class).list();
  }

  private StoredCalendar row(ResultSet rs, int n) throws SQLException {
    long id = rs.getLong("id");
    CalendarKind kind = CalendarKind.valueOf(rs.getString("kind"));
    String days = rs.getString("working_days");
    return new StoredCalendar(id, rs.getString("name"), kind, rs.getString("zone"),
        days == null ? List.of() : Arrays.asList(days.split(",")), rs.getString("opens_at"), rs.getString("closes_at"),
        kind == CalendarKind.UNION ? members(id) : List.of(), holidays(id), rs.getTimestamp("updated_at").toInstant(),
        rs.getString("updated_by"));
  }

  private static String zone(ValidCalendar calendar) {
    return calendar.zone() == null ? null : calendar.zone().getId();
  }

  private static String days(ValidCalendar calendar) {
    return calendar.workingDays() == null ? null
        : calendar.workingDays().stream().sorted(Comparator.naturalOrder()).map(DayOfWeek::name).collect(Collectors.joining(","));
  }

  /** "HH:MM"; the end of the day is "24:00". */
  static String time(LocalTime time) {
    if (time == null) {
      return null;
    }
    return time.equals(LocalTime.MAX) ? "24:00" : String.format("%02d:%02d", time.getHour(), time.getMinute());
  }

  static LocalTime parseTime(String text) {
    return "24:00".equals(text) ? LocalTime.MAX : LocalTime.parse(text);
  }
}
