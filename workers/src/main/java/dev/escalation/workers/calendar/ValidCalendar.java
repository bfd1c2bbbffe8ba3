package dev.escalation.workers.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A checked calendar change: weekly fields or members by kind; {@code holidays} null keeps what is stored. */
record ValidCalendar(
    String name,
    CalendarKind kind,
    ZoneId zone,
    Set<DayOfWeek> workingDays,
    LocalTime opensAt,
    LocalTime closesAt,
    List<Long> memberIds,
    List<LocalDate> holidays) {}
