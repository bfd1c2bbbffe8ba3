package dev.escalation.app.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.ProblemDetail;
import dev.escalation.app.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.RestController;

/**
 * Embedded mode only: moves the engine's clock and the app's clock together (the route is absent elsewhere).
 * Only forward, by at most {@link #LONGEST_ADVANCE} per call, and never to {@link #END_OF_TIME} or later:
 * the ledger's DATETIME columns and the calendars' due-date arithmetic need real dates, and a clock
 * moved beyond them would fail every later write until a restart.
 */
@RestController
@TestComponent // imported by EmbeddedRuntimeConfiguration only, never picked up by a component scan
class DevClockController {
  static final Duration LONGEST_ADVANCE = Duration.ofDays(366);
  static final Instant END_OF_TIME = Instant.parse("2100-01-01T00:00:00Z");

  private final ZeebeTestEngine engine;

  DevClockController(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  record Advance(String advance) {}

  @PostMapping("/api/dev/clock")
  ResponseEntity<?> advance(@RequestBody Advance request) throws InterruptedException {
    String advance = request == null || request.advance() == null ? "" : request.advance();
    String refusal = refusal(advance, Instant.now(EmbeddedRuntime.clock()));
    if (refusal != null) {
      return badRequest(refusal);
    }
    Duration by = Duration.parse(advance);
    EmbeddedRuntime.clock().advance(by);
    engine.increaseTime(by);
    try {
      engine.waitForIdleState(Duration.ofSeconds(5));
    } catch (TimeoutException busy) {
      // timers fired and jobs are running; the caller polls the ticket
    }
    return ResponseEntity.ok(Map.of("now", Instant.now(EmbeddedRuntime.clock()), "offset", EmbeddedRuntime.clock().offset().toString()));
  }

  /** Why the clock may not move by {@code advance} from {@code now}, or null when it may. */
  static String refusal(String advance, Instant now) {
    Duration by;
    try {
      by = Duration.parse(advance);
    } catch (DateTimeParseException e) {
      return "must be an ISO-8601 duration such as PT16M or P1DT2H";
    }
    if (by.isNegative() || by.isZero()) {
      return "must be positive: the clock only moves forward";
    }
    if (by.compareTo(LONGEST_ADVANCE) > 0) {
      return "must be at most P366D: move the clock in steps of a year or less";
    }
    if (!now.plus(by).isBefore(END_OF_TIME)) {
      return "is too far: the clock must stay before " + END_OF_TIME;
    }
    return null;
  }

  private static ResponseEntity<ProblemDetail> badRequest(String message) {
    return ResponseEntity.badRequest().body(Problems.invalid("advance", message));
  }
}
