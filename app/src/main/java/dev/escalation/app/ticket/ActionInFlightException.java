package dev.escalation.app.ticket;

/** An earlier action on the ticket is accepted but not yet carried out by its process (HTTP 409). */
class ActionInFlightException extends ActionNotAllowedException {
  ActionInFlightException(String message) {
    super(message);
  }
}
