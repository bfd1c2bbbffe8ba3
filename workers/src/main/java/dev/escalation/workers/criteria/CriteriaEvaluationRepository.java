package dev.escalation.workers.criteria;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

public interface CriteriaEvaluationRepository extends ListCrudRepository<CriteriaEvaluation, Long> {
  Optional<CriteriaEvaluation> findFirstByTicketIdOrderByIdDesc(long ticketId);

  List<CriteriaEvaluation> findByTicketIdOrderByIdAsc(long ticketId);
}
