package dev.escalation.workers.handoff;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface HandoffNoteRepository extends ListCrudRepository<HandoffNote, Long> {
  List<HandoffNote> findByTicketIdOrderByCreatedAtAscIdAsc(long ticketId);
}
