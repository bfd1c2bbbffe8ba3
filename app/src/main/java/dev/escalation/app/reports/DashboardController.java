package dev.escalation.app.reports;

import dev.escalation.app.web.Problems;
import dev.escalation.app.web.Problems.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' dashboard's data besides {@code /api/metrics} and the SLA reports:
 * {@code GET /api/reports/weekly?weeks=&at=} (M1-M4 per week) and
 * {@code GET /api/reports/escalations?from=&to=} (volume by cause, category and rule; root causes).
 */
@RestController
class DashboardController {
  static final int MAX_WEEKS = 52;

  private final WeeklyMetrics weekly;
  private final EscalationBreakdown breakdown;
  private final Clock clock;

  DashboardController(WeeklyMetrics weekly, EscalationBreakdown breakdown, Clock clock) {
    this.weekly = weekly;
    this.breakdown = breakdown;
    this.clock = clock;
  }

  record Weekly(List<WeeklyMetrics.Week> weeks) {}

  @GetMapping("/api/reports/weekly")
  ResponseEntity<?> weekly(@RequestParam(required = false) String weeks, @RequestParam(required = false) String at) {
    List<FieldProblem> errors = new ArrayList<>();
    int count = 12;
    if (weeks != null) {
      try {
        count = Integer.parseInt(weeks);
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 1 || count > MAX_WEEKS) {
        errors.add(new FieldProblem("weeks", "must be a whole number from 1 to " + MAX_WEEKS + ", not '" + weeks + "'"));
      }
    }
    Instant moment = clock.instant();
    if (at != null) {
      try {
        moment = Instant.parse(at.trim());
      } catch (DateTimeParseException e) {
        errors.add(new FieldProblem("at", "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z, not '" + at + "'"));
      }
    }
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    return ResponseEntity.ok(new Weekly(weekly.weeks(count, moment)));
  }

  @GetMapping("/api/reports/escalations")
  ResponseEntity<?> escalations(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    List<FieldProblem> errors = new ArrayList<>();
    ReportWindow window = ReportWindow.parse(from, to, clock, errors);
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    return ResponseEntity.ok(breakdown.compute(window));
  }
}
