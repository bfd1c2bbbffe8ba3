package dev.escalation.app.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.RestController;

/** Embedded mode only: moves the engine's clock and the app's clock together (the route is absent elsewhere). */
@RestController
@TestComponent // imported by EmbeddedRuntimeConfiguration only, never picked up by a component scan
class DevClockController {
  private final ZeebeTestEngine engine;

  DevClockController(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  record Advance(String advance) {}

  @PostMapping("/api/dev/clock")
  ResponseEntity<?> advance(@RequestBody Advance request) throws InterruptedException {
    Duration by;
    try {
      by = Duration.parse(request == null || request.advance() == null ? "" : request.advance());
    } catch (DateTimeParseException e) {
      return badRequest("must be an ISO-8601 duration such as PT16M or P1DT2H");
    }
    if (by.isNegative() || by.isZero()) {
      return badRequest("must be positive: the clock only moves forward");
    }
    try {
      Instant.now(EmbeddedRuntime.clock()).plus(by).toEpochMilli(); // both clocks count in epoch milliseconds
    } catch (ArithmeticException | DateTimeException tooFar) {
      return badRequest("is too far: the clock would leave the range of dates");
    }
    EmbeddedRuntime.clock().advance(by);
    engine.increaseTime(by);
    try {
      engine.waitForIdleState(Duration.ofSeconds(5));
    } catch (TimeoutException busy) {
      // timers fired and jobs are running; the caller polls the ticket
    }
    return ResponseEntity.ok(Map.of("now", Instant.now(EmbeddedRuntime.clock()), "offset", EmbeddedRuntime.clock().offset().toString()));
  }

  private static ResponseEntity<ProblemDetail> badRequest(String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "advance " + message);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(Map.of("field", "advance", "message", message)));
    return ResponseEntity.badRequest().body(problem);
  }
}
