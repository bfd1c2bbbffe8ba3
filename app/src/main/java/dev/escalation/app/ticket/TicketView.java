package dev.escalation.app.ticket;

import dev.escalation.workers.devtask.DevTask;
import dev.escalation.workers.roster.RosterMember;
import dev.escalation.workers.sla.AppliedSlaPolicy;
import dev.escalation.workers.sla.NextReplyClock;
import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.ClockState;
import dev.escalation.workers.ticket.Priority;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketStatus;
import java.math.BigDecimal;
import dev.escalation.workers.criteria.CriteriaQueries;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ticket as the API shows it. */
record TicketView(
    long id,
    TicketStatus status,
    Priority priority,
    Category category,
    String subject,
    String channel,
    CustomerView customer,
    int tier,
    int maxTier,
    OwnerView owner,
    Instant responseDueAt,
    ClockState responseClock,
    Instant resolutionDueAt,
    ClockState resolutionClock,
    Instant nextReplyDueAt,
    String nextReplyClock,
    int escalationCount,
    int reescalationCount,
    Instant openedAt,
    Instant resolvedAt,
    Instant closedAt,
    boolean openTooLong,
    Long processInstanceKey,
    String operateUrl,
    DevTaskView devTask,
    CriteriaView criteria,
    SlaPolicyView slaPolicy) {

  /** T5: the escalation-criteria rule that matched last, why, and on which inputs (null before the first evaluation). */
  record CriteriaView(String ruleId, String reason, Map<String, Object> inputs, Map<String, Object> outputs, Instant evaluatedAt) {
    static CriteriaView of(CriteriaQueries.MatchedCriteria m) {
      return new CriteriaView(m.ruleId(), m.reason(), m.inputs(), m.outputs(), m.evaluatedAt());
    }
  }

  record CustomerView(String name, String email, String language, boolean vip, BigDecimal annualRevenue, String plan) {}

  /**
   * S5: the SLA policy row the ticket's current clocks count with (null before the clocks first start).
   * {@code version} is the version of the ticket-escalation deployment whose table was evaluated.
   */
  record SlaPolicyView(String ruleId, String reason, String responseTarget, String resolutionTarget, String nextReplyTarget,
      String calendar, List<Double> warningThresholds, boolean notifyManagerOnBreach, int version, long processDefinitionKey,
      Instant appliedAt) {
    static SlaPolicyView of(AppliedSlaPolicy p) {
      return new SlaPolicyView(p.ruleId(), p.reason(), p.responseTarget(), p.resolutionTarget(), p.nextReplyTarget(),
          p.calendar(), p.thresholds(), p.notifyManagerOnBreach(), p.processVersion(), p.processDefinitionKey(), p.appliedAt());
    }
  }

  /** {@code tier} is the owner's own tier: above the ticket's tier when a manager stood in (H1). */
  record OwnerView(String username, String displayName, int tier, String role) {}

  /** N3: the ticket's task in the dev team's tracker; null when the ticket has none. */
  record DevTaskView(String key, String url, String state, String tracker) {
    static DevTaskView of(DevTask task) {
      return task == null ? null : new DevTaskView(task.key(), task.url(), task.state().name(), task.tracker().name());
    }
  }

  static TicketView of(Ticket t, RosterMember owner, boolean openTooLong, String operateUrl) {
    return of(t, owner, openTooLong, operateUrl, null, null, null, null);
  }

  /** S3: {@code nextReply} is the ticket's next-reply clock, null when it never had one ({@code nextReplyClock} NONE). */
  static TicketView of(Ticket t, RosterMember owner, boolean openTooLong, String operateUrl, DevTask devTask, CriteriaView criteria,
      SlaPolicyView slaPolicy, NextReplyClock nextReply) {
    var c = t.customer();
    return new TicketView(t.id(), t.status(), t.priority(), t.category(), t.subject(), t.channel(),
        new CustomerView(c.name(), c.email(), c.language(), c.vip(), c.annualRevenue(), c.plan()), t.tier(), t.maxTier(),
        owner == null ? null : new OwnerView(owner.username(), owner.displayName(), owner.tier(), owner.role().name()),
        t.responseDueAt(), t.responseClock(), t.resolutionDueAt(), t.resolutionClock(),
        nextReply == null ? null : nextReply.dueAt(), nextReply == null || nextReply.state() == ClockState.NOT_STARTED ? "NONE" : nextReply.state().name(), t.escalationCount(),
        t.reescalationCount(), t.openedAt(), t.resolvedAt(), t.closedAt(), openTooLong, t.processInstanceKey(), operateUrl,
        DevTaskView.of(devTask), criteria, slaPolicy);
  }
}
