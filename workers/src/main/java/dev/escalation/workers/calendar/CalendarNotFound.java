package dev.escalation.workers.calendar;

/** No calendar with that id (the API answers 404). */
public class CalendarNotFound extends RuntimeException {
  public CalendarNotFound(long id) {
    super("no support calendar with id " + id);
  }
}
