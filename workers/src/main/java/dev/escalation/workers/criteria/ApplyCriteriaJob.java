package dev.escalation.workers.criteria;

import java.math.BigDecimal;
import java.util.Map;

/** Variables of the apply-criteria job: the decision's result and the inputs it was evaluated on. */
record ApplyCriteriaJob(
    long ticketId,
    Map<String, Object> criteria,
    Boolean reevaluation,
    Long messageId,
    String priority,
    Boolean vip,
    BigDecimal annualRevenue,
    Double sentimentScore,
    Boolean churnRisk,
    Boolean legalRisk,
    Boolean bugSignal,
    String category,
    String channel,
    Boolean weekend,
    String language) {

  boolean isReevaluation() {
    return Boolean.TRUE.equals(reevaluation);
  }
}
