package dev.escalation.app.channels;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A provider webhook's failed check: a bare 401 (or 403) problem (the log says why); nothing is recorded. */
final class WebhookRefusal {
  private static final Logger log = LoggerFactory.getLogger(WebhookRefusal.class);

  private WebhookRefusal() {}

  static ResponseEntity<ProblemDetail> unauthorized(String channel, String why) {
    return refuse(HttpStatus.UNAUTHORIZED, "the request is not authenticated", channel, why);
  }

  /** A failed verification handshake: 403, as Meta expects. */
  static ResponseEntity<ProblemDetail> forbidden(String channel, String why) {
    return refuse(HttpStatus.FORBIDDEN, "the webhook verification failed", channel, why);
  }

  private static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String detail, String channel, String why) {
    log.warn("Refused a {} webhook call: {}", channel, why);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    return ResponseEntity.status(status).body(problem);
  }
}
