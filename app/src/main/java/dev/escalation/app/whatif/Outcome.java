package dev.escalation.app.whatif;

import dev.escalation.processes.TicketEscalation.Criteria;
import java.util.Map;

/**
 * What a criteria evaluation decided, in the terms M6 compares: the matched rule, the effective
 * priority, the starting and highest tier, whether the on-duty manager is paged and whether a dev
 * task is created. {@code error}: the candidate could not be evaluated on these inputs (all else null);
 * a null {@code ruleId} without an error: no rule matched.
 */
public record Outcome(String ruleId, String effectivePriority, Integer startingTier, Integer maxTier, Boolean pageManager,
    Boolean createDevTask, String error) {

  static Outcome of(Map<String, ?> outputs) {
    if (outputs == null) {
      return new Outcome(null, null, null, null, null, null, null);
    }
    return new Outcome(text(outputs.get(Criteria.RULE_ID)), text(outputs.get(Criteria.EFFECTIVE_PRIORITY)),
        number(outputs.get(Criteria.STARTING_TIER)), number(outputs.get(Criteria.MAX_TIER)), flag(outputs.get(Criteria.PAGE_MANAGER)),
        flag(outputs.get(Criteria.CREATE_DEV_TASK)), null);
  }

  static Outcome failed(String error) {
    return new Outcome(null, null, null, null, null, null, error);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Integer number(Object value) {
    return value instanceof Number n ? n.intValue() : null;
  }

  /** As the process reads it: only {@code true} is yes (a missing value counts as false). */
  private static Boolean flag(Object value) {
    return Boolean.TRUE.equals(value);
  }
}
