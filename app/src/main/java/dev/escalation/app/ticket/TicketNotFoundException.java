package dev.escalation.app.ticket;

class TicketNotFoundException extends RuntimeException {
  TicketNotFoundException(long id) {
    super("ticket " + id + " does not exist");
  }
}
