package dev.escalation.workers.sla;

/** Names of the calendars every installation has (S2): the configured business hours and around the clock. */
public final class CalendarNames {
  /** Seeded from {@code escalation.sla.calendar.*}. */
  public static final String BUSINESS_HOURS = "business-hours";
  public static final String TWENTY_FOUR_SEVEN = "24x7";

  private CalendarNames() {}
}
