package dev.escalation.workers.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Which rule applied, and why" (T5), for the API. */
@Service
public class CriteriaQueries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CriteriaEvaluationRepository evaluations;

  CriteriaQueries(CriteriaEvaluationRepository evaluations) {
    this.evaluations = evaluations;
  }

  public record MatchedCriteria(String ruleId, String reason, Map<String, Object> inputs, Map<String, Object> outputs,
      Long messageId, Instant evaluatedAt) {}

  /** The latest evaluation of the ticket's criteria, if any. */
  @Transactional(readOnly = true)
  public Optional<MatchedCriteria> latest(long ticketId) {
    return evaluations.findFirstByTicketIdOrderByIdDesc(ticketId).map(e -> new MatchedCriteria(e.ruleId(), e.reason(),
        read(e.inputs()), read(e.outputs()), e.messageId(), e.evaluatedAt()));
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored criteria are not JSON: " + json, e);
    }
  }
}
