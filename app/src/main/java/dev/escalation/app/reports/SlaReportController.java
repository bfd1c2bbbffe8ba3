package dev.escalation.app.reports;

import dev.escalation.app.reports.SlaCompliance.Dimension;
import dev.escalation.app.reports.SlaCompliance.Figures;
import dev.escalation.app.web.Problems;
import dev.escalation.app.web.Problems.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * M9: {@code GET /api/reports/sla-compliance?from=&to=&by=} and {@code GET /api/reports/sla-breaches?from=&to=},
 * as JSON, or as CSV for a caller whose {@code Accept} names {@code text/csv}.
 */
@RestController
class SlaReportController {
  static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  private final SlaCompliance compliance;
  private final SlaBreachList breaches;
  private final Clock clock;

  SlaReportController(SlaCompliance compliance, SlaBreachList breaches, Clock clock) {
    this.compliance = compliance;
    this.breaches = breaches;
    this.clock = clock;
  }

  @GetMapping("/api/reports/sla-compliance")
  ResponseEntity<?> compliance(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String by, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    List<FieldProblem> errors = new ArrayList<>();
    ReportWindow window = ReportWindow.parse(from, to, clock, errors);
    Dimension dimension = dimension(by, errors);
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    SlaCompliance.Report report = compliance.compute(window, dimension);
    if (!wantsCsv(accept)) {
      return ResponseEntity.ok(report);
    }
    Csv csv = new Csv().row(report.by(), "response_met", "response_breached", "response_pending", "response_superseded",
        "response_rate", "resolution_met", "resolution_breached", "resolution_pending", "resolution_superseded", "resolution_rate");
    Stream.concat(report.groups().stream(), Stream.of(report.total()))
        .forEach(g -> csv.row(Stream.concat(Stream.of(g == report.total() ? "total" : g.key()),
            Stream.concat(cells(g.response()), cells(g.resolution()))).toList()));
    return csv(csv, "sla-compliance.csv");
  }

  @GetMapping("/api/reports/sla-breaches")
  ResponseEntity<?> breaches(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    List<FieldProblem> errors = new ArrayList<>();
    ReportWindow window = ReportWindow.parse(from, to, clock, errors);
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    List<SlaBreachList.Breach> list = breaches.list(window);
    if (!wantsCsv(accept)) {
      return ResponseEntity.ok(new Breaches(window, list));
    }
    Csv csv = new Csv().row("ticket_id", "clock", "priority", "tier", "group", "channel", "owner", "started_at", "due_at",
        "breached_at", "reason");
    list.forEach(b -> csv.row(b.ticketId(), b.clock(), b.priority(), b.tier(), b.group(), b.channel(), b.owner(), b.startedAt(),
        b.dueAt(), b.breachedAt(), b.reason()));
    return csv(csv, "sla-breaches.csv");
  }

  record Breaches(ReportWindow window, List<SlaBreachList.Breach> breaches) {}

  private static Stream<Object> cells(Figures f) {
    return Stream.of(f.met(), f.breached(), f.pending(), f.superseded(), f.rate());
  }

  private static Dimension dimension(String by, List<FieldProblem> errors) {
    if (by == null) {
      return Dimension.PRIORITY;
    }
    return Arrays.stream(Dimension.values()).filter(d -> d.parameter().equals(by)).findFirst().orElseGet(() -> {
      errors.add(new FieldProblem("by", "must be one of " + Arrays.stream(Dimension.values()).map(Dimension::parameter)
          .collect(Collectors.joining(", ")) + ", not '" + by + "'"));
      return null;
    });
  }

  private static boolean wantsCsv(String accept) {
    return accept != null && MediaType.parseMediaTypes(accept).stream().anyMatch(t -> t.isCompatibleWith(CSV) && !t.isWildcardType());
  }

  private static ResponseEntity<String> csv(Csv csv, String filename) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(csv.toString());
  }
}
