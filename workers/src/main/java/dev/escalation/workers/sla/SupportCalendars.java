package dev.escalation.workers.sla;

/** The support calendars a clock can count in, by the name the SLA policy table gives (S2). */
public interface SupportCalendars {

  /** The calendar of that name; an unknown name is an IllegalArgumentException naming it. */
  SupportCalendar named(String name);
}
