package dev.escalation.app.reports;

import dev.escalation.app.web.Problems.FieldProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The window {@code [from, to)} of a report; without one, the last 30 days up to now. */
public record ReportWindow(Instant from, Instant to) {
  public static final Duration DEFAULT = Duration.ofDays(30);
  private static final String INSTANT = "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z";

  /**
   * The window the optional {@code from} and {@code to} parameters give; null with the problems added
   * to {@code errors} when either is not an instant or {@code to} is not after {@code from}.
   */
  public static ReportWindow parse(String from, String to, Clock clock, List<FieldProblem> errors) {
    int before = errors.size();
    Instant start = instant("from", from, errors);
    Instant end = instant("to", to, errors);
    if (errors.size() > before) {
      return null;
    }
    if (end == null) {
      end = clock.instant();
    }
    if (start == null) {
      start = end.minus(DEFAULT);
    }
    if (!start.isBefore(end)) {
      errors.add(new FieldProblem("to", "must be after from (" + start + ")"));
      return null;
    }
    return new ReportWindow(start, end);
  }

  private static Instant instant(String field, String value, List<FieldProblem> errors) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldProblem(field, INSTANT + ", not '" + value + "'"));
      return null;
    }
  }
}
