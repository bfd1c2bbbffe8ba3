package dev.escalation.workers.calendar;

import java.util.List;

/**
 * What an admin sends to create or change a calendar, as text; {@link CalendarValidation} turns it
 * into a checked {@link ValidCalendar} or names the field it refuses. {@code holidays} null keeps the
 * stored holidays (on a change), a list replaces them.
 */
public record CalendarChange(
    String name,
    CalendarKind kind,
    String zone,
    List<String> workingDays,
    String opensAt,
    String closesAt,
    List<String> members,
    List<String> holidays) {}
