package dev.escalation.workers.handoff;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface EscalationRepository extends ListCrudRepository<Escalation, Long> {
  List<Escalation> findByTicketIdOrderByEscalatedAtAscIdAsc(long ticketId);

  Optional<Escalation> findFirstByTicketIdOrderByIdDesc(long ticketId);
}
