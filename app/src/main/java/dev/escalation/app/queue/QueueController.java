package dev.escalation.app.queue;

import dev.escalation.app.security.CurrentActor;
import dev.escalation.app.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** W1: {@code GET /api/queue}, the open tickets in urgency order with filters and a cursor. */
@RestController
class QueueController {
  private final QueueQuery queue;
  private final CurrentActor actor;
  private final Clock clock;

  QueueController(QueueQuery queue, CurrentActor actor, Clock clock) {
    this.queue = queue;
    this.actor = actor;
    this.clock = clock;
  }

  @GetMapping("/api/queue")
  QueuePage queue(HttpServletRequest request) {
    QueueParameters.Parsed p = QueueParameters.parse(request.getParameterMap(), actor.name());
    return queue.page(p.filter(), p.cursor(), p.limit(), clock.instant());
  }

  @ExceptionHandler(QueueParameters.Invalid.class)
  ProblemDetail badParameters(QueueParameters.Invalid e) {
    return Problems.invalid(e.problems());
  }
}
