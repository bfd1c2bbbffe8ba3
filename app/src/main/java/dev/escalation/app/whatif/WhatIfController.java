package dev.escalation.app.whatif;

import dev.escalation.app.reports.ReportWindow;
import dev.escalation.app.web.Problems;
import dev.escalation.app.web.Problems.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * M6: {@code POST /api/criteria/what-if}, {@code multipart/form-data} with the candidate
 * {@code escalation-criteria.dmn} in the part {@code table} and an optional window ({@code from},
 * {@code to}; the last 30 days by default) over the evaluations' times.
 */
@RestController
class WhatIfController {
  private final WhatIfReplay replay;
  private final Clock clock;

  WhatIfController(WhatIfReplay replay, Clock clock) {
    this.replay = replay;
    this.clock = clock;
  }

  @PostMapping("/api/criteria/what-if")
  ResponseEntity<?> whatIf(HttpServletRequest request, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) throws IOException {
    List<FieldProblem> errors = new ArrayList<>();
    MultipartFile table = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("table") : null;
    if (table == null) {
      errors.add(new FieldProblem("table", "is required: the candidate escalation-criteria.dmn as the part 'table' of a "
          + "multipart/form-data request"));
    }
    ReportWindow window = ReportWindow.parse(from, to, clock, errors);
    CriteriaTable candidate = null;
    if (table != null) {
      try (InputStream dmn = table.getInputStream()) {
        candidate = CriteriaTable.parse(dmn);
      } catch (CriteriaTable.InvalidTable e) {
        errors.add(new FieldProblem("table", "is not a usable criteria table: " + e.getMessage()));
      }
    }
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }
    return ResponseEntity.ok(replay.replay(candidate, window));
  }
}
