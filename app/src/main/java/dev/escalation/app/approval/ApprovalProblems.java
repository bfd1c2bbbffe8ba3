package dev.escalation.app.approval;

import dev.escalation.app.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 7807 bodies for refunds and the task inbox: 401 without a user, 403 for business authorization, 404, 409. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalProblems {

  static final class NotAuthenticated extends RuntimeException {
    NotAuthenticated() {
      super("sign in first: this action needs to know who you are");
    }
  }

  static final class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message);
    }
  }

  /** An earlier refund request of the ticket is not decided yet (the ticket API's "action not allowed"). */
  static final class RefundInFlight extends RuntimeException {
    RefundInFlight(String message) {
      super(message);
    }
  }

  /** A body that is well-formed but wrong for this kind of task: a 400 naming the field, like every other bad input. */
  static final class InvalidField extends RuntimeException {
    final String field;

    InvalidField(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  @ExceptionHandler(InvalidField.class)
  ProblemDetail invalid(InvalidField e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.field + " " + e.getMessage(), "invalid-request");
    problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", e.field, "message", e.getMessage())));
    return problem;
  }

  @ExceptionHandler(NotAuthenticated.class)
  ProblemDetail unauthenticated(NotAuthenticated e) {
    return problem(HttpStatus.UNAUTHORIZED, "Not authenticated", e.getMessage(), "not-authenticated");
  }

  @ExceptionHandler(Forbidden.class)
  ProblemDetail forbidden(Forbidden e) {
    return problem(HttpStatus.FORBIDDEN, "Not allowed for you", e.getMessage(), "forbidden");
  }

  @ExceptionHandler(NotFound.class)
  ProblemDetail notFound(NotFound e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found");
  }

  @ExceptionHandler(RefundInFlight.class)
  ProblemDetail refundInFlight(RefundInFlight e) {
    return problem(HttpStatus.CONFLICT, "Action not allowed in this state", e.getMessage(), "action-not-allowed");
  }

  @ExceptionHandler(Conflict.class)
  ProblemDetail conflict(Conflict e) {
    return problem(HttpStatus.CONFLICT, "Task no longer open", e.getMessage(), "task-conflict");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
    return Problems.of(status, title, detail, type);
  }
}
