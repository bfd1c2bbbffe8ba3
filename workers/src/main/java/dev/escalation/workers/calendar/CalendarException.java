package dev.escalation.workers.calendar;

/** A calendar change refused: which field of the request, and why (the API answers 400 naming it). */
public class CalendarException extends RuntimeException {
  private final String field;

  public CalendarException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
