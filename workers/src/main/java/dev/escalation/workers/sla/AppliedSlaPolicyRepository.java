package dev.escalation.workers.sla;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface AppliedSlaPolicyRepository extends ListCrudRepository<AppliedSlaPolicy, Long> {
  Optional<AppliedSlaPolicy> findFirstByTicketIdOrderByIdDesc(long ticketId);
}
