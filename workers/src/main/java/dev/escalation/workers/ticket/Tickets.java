package dev.escalation.workers.ticket;

import dev.escalation.workers.job.TicketNotFound;
import org.springframework.stereotype.Component;

/** Loads tickets for workers, failing with an actionable message when one is missing. */
@Component
public class Tickets {
  private final TicketRepository repository;

  Tickets(TicketRepository repository) {
    this.repository = repository;
  }

  public Ticket get(long id) {
    return repository.findById(id).orElseThrow(() -> new TicketNotFound(id));
  }

  public Ticket save(Ticket ticket) {
    return repository.save(ticket);
  }
}
