package dev.escalation.app.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.escalation.app.web.Problems;
import dev.escalation.app.web.Problems.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/metrics?from=&to=}: the escalation metrics of the tickets opened in {@code [from, to)}. */
@RestController
class MetricsController {
  private static final String INSTANT = "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z";

  private final EscalationMetrics metrics;
  private final SatisfactionMetrics satisfaction;

  MetricsController(EscalationMetrics metrics, SatisfactionMetrics satisfaction) {
    this.metrics = metrics;
    this.satisfaction = satisfaction;
  }

  /** M1-M4 as {@link EscalationMetrics.Report} has them, and M5's {@code satisfaction} beside them. */
  record MetricsView(@JsonUnwrapped EscalationMetrics.Report report, SatisfactionMetrics.Satisfaction satisfaction) {}

  @GetMapping("/api/metrics")
  ResponseEntity<?> metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    List<FieldProblem> errors = new ArrayList<>();
    Instant start = parse("from", from, errors);
    Instant end = parse("to", to, errors);
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    if (start == null && end == null) {
      EscalationMetrics.Window window = metrics.lastDays();
      start = window.from();
      end = window.to();
    } else if (end == null) {
      end = metrics.lastDays().to();
    } else if (start == null) {
      start = end.minus(EscalationMetrics.DEFAULT_WINDOW);
    }
    if (!start.isBefore(end)) {
      return ResponseEntity.badRequest().body(Problems.invalid("to", "must be after from (" + start + ")"));
    }
    return ResponseEntity.ok(new MetricsView(metrics.compute(start, end), satisfaction.compute(start, end)));
  }

  private static Instant parse(String field, String value, List<FieldProblem> errors) {
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
