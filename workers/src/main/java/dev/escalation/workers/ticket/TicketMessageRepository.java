package dev.escalation.workers.ticket;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface TicketMessageRepository extends ListCrudRepository<TicketMessage, Long> {
  List<TicketMessage> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);
}
