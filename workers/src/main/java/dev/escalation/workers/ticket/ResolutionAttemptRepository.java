package dev.escalation.workers.ticket;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface ResolutionAttemptRepository extends ListCrudRepository<ResolutionAttempt, Long> {
  List<ResolutionAttempt> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);

  long countByTicketIdAndTier(long ticketId, int tier);
}
