package dev.escalation.app.ticket;

import dev.escalation.app.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 7807 bodies for the ticket API's own errors. */
@RestControllerAdvice
class TicketProblems {

  @ExceptionHandler(TicketNotFoundException.class)
  ProblemDetail notFound(TicketNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Ticket not found", e.getMessage(), "ticket-not-found");
  }

  @ExceptionHandler(ActionNotAllowedException.class)
  ProblemDetail notAllowed(ActionNotAllowedException e) {
    return problem(HttpStatus.CONFLICT, "Action not allowed in this state", e.getMessage(), "action-not-allowed");
  }

  @ExceptionHandler(RuleNotMetException.class)
  ProblemDetail ruleNotMet(RuleNotMetException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Escalation rule not met", e.getMessage(), "rule-not-met");
    problem.setProperty("rule", e.rule());
    return problem;
  }

  static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
    return Problems.of(status, title, detail, type);
  }
}
