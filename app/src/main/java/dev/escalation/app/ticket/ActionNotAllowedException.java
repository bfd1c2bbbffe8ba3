package dev.escalation.app.ticket;

/** The ticket's state does not allow the action (HTTP 409). */
class ActionNotAllowedException extends RuntimeException {
  ActionNotAllowedException(String message) {
    super(message);
  }
}
