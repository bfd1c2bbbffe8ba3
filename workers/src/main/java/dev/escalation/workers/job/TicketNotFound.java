package dev.escalation.workers.job;

/** The process names a ticket the ledger does not have: the app and the workers disagree on the database. */
public class TicketNotFound extends FixableFailure {
  public TicketNotFound(long ticketId) {
    super("ticket " + ticketId + " is not in the ledger",
        "check that the app that started the process and this worker use the same database (spring.datasource.url)");
  }
}
