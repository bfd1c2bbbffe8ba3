package dev.escalation.workers.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * S5: the SLA policy row that started a ticket's clocks, with its targets, calendar and the policy's
 * version: the process definition (and its version) whose deployment held the evaluated table.
 */
@Table("sla_policy_applied")
public record AppliedSlaPolicy(
    @Id Long id, long ticketId, String ruleId, String reason, String responseTarget, String resolutionTarget,
    String nextReplyTarget, String calendar, String warningThresholds, boolean notifyManagerOnBreach,
    long processDefinitionKey, int processVersion, Instant appliedAt) {

  public Duration response() {
    return Duration.parse(responseTarget);
  }

  public Duration resolution() {
    return Duration.parse(resolutionTarget);
  }

  /** Null when the row sets no next-reply target. */
  public Duration nextReply() {
    return nextReplyTarget == null ? null : Duration.parse(nextReplyTarget);
  }

  /** Ascending shares of a target at which the owner is warned. */
  public List<Double> thresholds() {
    return Arrays.stream(warningThresholds.split(",")).map(Double::valueOf).sorted().toList();
  }

  static String thresholds(List<Double> shares) {
    return shares.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** "rule p3-business-hours (response PT4H, resolution PT24H, business-hours)", for the timeline. */
  public String describe() {
    return "rule " + ruleId + " (response " + responseTarget + ", resolution " + resolutionTarget
        + (nextReplyTarget == null ? "" : ", next reply " + nextReplyTarget) + ", calendar " + calendar
        + ", warnings at " + percentages() + (notifyManagerOnBreach ? ", a breach tells the tier's manager" : "")
        + "; policy of ticket-escalation version " + processVersion + ")";
  }

  String percentages() {
    return thresholds().stream().map(t -> Math.round(t * 100) + "%").collect(Collectors.joining(", "));
  }
}
