package dev.escalation.app.translation;

import dev.escalation.app.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** C2: a reply that could not be translated, as an RFC 7807 problem the agent can act on. */
@RestControllerAdvice
class ReplyTranslationProblems {

  @ExceptionHandler(ReplyNotTranslatedException.class)
  ResponseEntity<ProblemDetail> notTranslated(ReplyNotTranslatedException e) {
    HttpStatus status = switch (e.reason()) {
      case NOT_CONFIGURED, SAME_LANGUAGE, LANGUAGE_UNKNOWN -> HttpStatus.CONFLICT;
      case REFUSED -> HttpStatus.BAD_GATEWAY;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
    String type = switch (e.reason()) {
      case NOT_CONFIGURED -> "translation-not-configured";
      case SAME_LANGUAGE, LANGUAGE_UNKNOWN -> "translation-not-needed";
      case REFUSED, UNAVAILABLE -> "translation-failed";
    };
    ProblemDetail problem = Problems.of(status, "Reply not translated", e.getMessage(), type);
    problem.setProperty("reason", e.reason().name());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (e.retryAfter() != null) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
    }
    return response.body(problem);
  }
}
