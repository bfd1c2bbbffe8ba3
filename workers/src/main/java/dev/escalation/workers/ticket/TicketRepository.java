package dev.escalation.workers.ticket;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface TicketRepository extends ListCrudRepository<Ticket, Long> {
  List<Ticket> findTop200ByOrderByIdDesc();
}
