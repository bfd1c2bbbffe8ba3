package dev.escalation.app.approval;

import dev.escalation.app.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 7807 bodies for refunds and the task inbox: 400, 403 for a refund beyond the caller's authority
 * (a business rule; who may call what at all is Spring Security's), 404, 409.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalProblems {

  /** A1: the refund's amount is above what the caller's role may approve (refund-authority DMN). */
  static final class BeyondAuthority extends RuntimeException {
    BeyondAuthority(String message) {
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
    return Problems.invalid(e.field, e.getMessage());
  }

  @ExceptionHandler(BeyondAuthority.class)
  ProblemDetail beyondAuthority(BeyondAuthority e) {
    return problem(HttpStatus.FORBIDDEN, "Beyond your refund authority", e.getMessage(), "beyond-refund-authority");
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
