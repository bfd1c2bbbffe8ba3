package dev.escalation.workers.calendar;

/** One team's weekly hours, or the union of several (follow-the-sun, S2). */
public enum CalendarKind {
  WEEKLY,
  UNION
}
