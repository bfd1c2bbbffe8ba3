package dev.escalation.workers.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A support calendar as stored and shown to admins. Weekly calendars have zone, days and hours;
 * unions have members (weekly calendars, by name). {@code closesAt} "24:00" is the end of the day.
 */
public record StoredCalendar(
    long id,
    String name,
    CalendarKind kind,
    String zone,
    List<String> workingDays,
    String opensAt,
    String closesAt,
    List<String> members,
    List<Holiday> holidays,
    Instant updatedAt,
    String updatedBy) {}
