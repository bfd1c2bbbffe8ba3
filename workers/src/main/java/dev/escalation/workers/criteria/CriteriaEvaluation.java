package dev.escalation.workers.criteria;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One evaluation of the escalation criteria: the matched rule, why, and on which inputs (JSON). */
@Table("criteria_evaluation")
public record CriteriaEvaluation(
    @Id Long id, long ticketId, Long messageId, String ruleId, String reason, String inputs, String outputs, Instant evaluatedAt) {}
