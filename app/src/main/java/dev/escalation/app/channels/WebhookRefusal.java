package dev.escalation.app.channels;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A provider webhook's failed check: a bare 401 problem (the log says why); nothing is recorded. */
final class WebhookRefusal {
  private static final Logger log = LoggerFactory.getLogger(WebhookRefusal.class);

  private WebhookRefusal() {}

  static ResponseEntity<ProblemDetail> unauthorized(String channel, String why) {
    log.warn("Refused a {} webhook call: {}", channel, why);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "the request is not authenticated");
    problem.setType(URI.create("about:blank"));
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
  }
}
