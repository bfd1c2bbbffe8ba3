package dev.escalation.workers.triage;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

public interface TriageResultRepository extends ListCrudRepository<TriageResult, Long> {
  List<TriageResult> findByTicketIdOrderByIdAsc(long ticketId);
}
