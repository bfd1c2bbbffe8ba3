package dev.escalation.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 7807 bodies the way every endpoint of this API writes them: status, title, detail and a type URI. */
public final class Problems {
  private static final String TYPE_BASE = "https://escalation.dev/problems/";

  private Problems() {}

  /** A problem whose type is {@code https://escalation.dev/problems/<type>}. */
  public static ProblemDetail of(HttpStatus status, String title, String detail, String type) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create(TYPE_BASE + type));
    return problem;
  }

  /** A problem response whose type is the title in kebab case ("Dev task already closed" → dev-task-already-closed). */
  public static ResponseEntity<ProblemDetail> response(HttpStatus status, String title, String detail) {
    return ResponseEntity.status(status).body(of(status, title, detail, title.toLowerCase().replace(' ', '-')));
  }
}
