package dev.escalation.workers.paging;

import java.util.Map;

/**
 * Variables of page-on-duty-manager: {@code pageManager} is the criteria rule's wish (missing means
 * no), {@code criteria} the matched rule (its {@code ruleId} and {@code reason}).
 */
public record PageJob(long ticketId, String priority, Boolean pageManager, Map<String, Object> criteria) {

  /** "criteria rule VIP_CHURN (VIP customer threatens to leave)", or null when no rule asks for a page. */
  String ruleAskingForAPage() {
    if (!Boolean.TRUE.equals(pageManager)) {
      return null;
    }
    Object ruleId = criteria == null ? null : criteria.get("ruleId");
    Object reason = criteria == null ? null : criteria.get("reason");
    return "criteria rule " + (ruleId == null ? "(id not recorded)" : ruleId) + (reason == null ? "" : " (" + reason + ")");
  }
}
