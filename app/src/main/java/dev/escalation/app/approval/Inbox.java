package dev.escalation.app.approval;

import dev.escalation.app.approval.ApprovalProblems.Conflict;
import dev.escalation.app.approval.ApprovalProblems.BeyondAuthority;
import dev.escalation.app.approval.ApprovalProblems.InvalidField;
import dev.escalation.app.approval.ApprovalProblems.NotFound;
import dev.escalation.processes.EscalationReview;
import dev.escalation.processes.RefundApproval.Decisions;
import dev.escalation.processes.RefundApproval.Variables;
import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The manager inbox: open human tasks a person may act on, claiming, and deciding (exactly once). */
@Service
class Inbox {
  private static final String SELECT = """
      SELECT h.*, t.subject, t.priority, t.status AS ticket_status, t.owner_username, t.customer_name, t.tier,
             r.amount, r.currency, r.reason, r.requested_by, r.status AS refund_status, v.status AS review_status
      FROM human_task h
      LEFT JOIN ticket t ON t.id = h.ticket_id
      LEFT JOIN refund_request r ON h.kind = 'REFUND_APPROVAL' AND r.id = h.subject_id
      LEFT JOIN escalation_review v ON h.kind = 'ESCALATION_REVIEW' AND v.id = h.subject_id
      """;

  record TicketContext(Long id, String subject, String priority, String status, Integer tier, String owner, String customer) {}

  record RefundContext(long id, BigDecimal amount, String currency, String reason, String requestedBy) {}

  record TaskView(long id, String kind, String name, String elementId, List<String> candidateGroups, String status,
      String claimedBy, Instant createdAt, String formKey, long processInstanceKey, TicketContext ticket, RefundContext refund,
      String completedBy, Instant completedAt) {

    boolean awaitsDecision() {
      return "OPEN".equals(status);
    }
  }

  /** Internal row: the view plus whether its subject still waits for someone. */
  private record Row(TaskView view, boolean subjectPending) {}

  private final JdbcClient jdbc;
  private final HumanTasks tasks;
  private final RefundAuthority authority;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Inbox(JdbcClient jdbc, HumanTasks tasks, RefundAuthority authority, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.authority = authority;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  List<TaskView> open(Caller caller) {
    Map<BigDecimal, Boolean> covered = new HashMap<>();
    return jdbc.sql(SELECT + " WHERE h.status = 'OPEN' ORDER BY h.created_at, h.id").query(Inbox::row).list().stream()
        .filter(Row::subjectPending)
        .map(Row::view)
        .filter(t -> t.claimedBy() == null || t.claimedBy().equals(caller.username()))
        .filter(t -> TaskAccess.isFor(caller.role(), t.candidateGroups()))
        .filter(t -> t.refund() == null
            || covered.computeIfAbsent(t.refund().amount(), a -> authority.of(caller.role().name(), a).within()))
        .toList();
  }

  TaskView claim(Caller caller, long id) {
    Row row = find(id);
    requireWithinAuthority(caller, row.view());
    requireOpen(row);
    int claimed = jdbc.sql("""
            UPDATE human_task SET claimed_by = ?, claimed_at = ?
            WHERE id = ? AND status = 'OPEN' AND (claimed_by IS NULL OR claimed_by = ?)""")
        .params(caller.username(), Timestamp.from(clock.instant()), id, caller.username()).update();
    if (claimed == 0) {
      throw new Conflict("task " + id + " is already claimed by " + find(id).view().claimedBy());
    }
    if (row.view().ticket() != null && !caller.username().equals(row.view().claimedBy())) {
      audit.record(row.view().ticket().id(), AuditEventType.TASK_CLAIMED, caller.username(),
          caller.username() + " claimed \"" + row.view().name() + "\" (task " + id + ")");
    }
    return find(id).view();
  }

  TaskView complete(Caller caller, long id, TaskController.Completion completion) {
    Row row = find(id);
    TaskView task = row.view();
    requireWithinAuthority(caller, task);
    Map<String, Object> variables = variables(caller, task, completion);
    if (task.claimedBy() != null && !task.claimedBy().equals(caller.username())) {
      throw new Conflict("task " + id + " is claimed by " + task.claimedBy() + "; only they can complete it");
    }
    requireOpen(row);
    // Exactly one completion wins this update; every other one (a double click, a second manager) gets a 409.
    int mine = jdbc.sql("UPDATE human_task SET status = 'COMPLETING', completed_by = ? WHERE id = ? AND status = 'OPEN'")
        .params(caller.username(), id).update();
    if (mine == 0) {
      throw new Conflict("task " + id + " was completed by " + find(id).view().completedBy() + " a moment ago");
    }
    HumanTasks.Outcome outcome;
    try {
      outcome = tasks.complete(id, variables);
    } catch (RuntimeException engineDown) {
      jdbc.sql("UPDATE human_task SET status = 'OPEN', completed_by = NULL WHERE id = ? AND status = 'COMPLETING'").param(id).update();
      throw engineDown;
    }
    if (outcome == HumanTasks.Outcome.GONE) {
      jdbc.sql("UPDATE human_task SET status = 'GONE', completed_by = NULL WHERE id = ?").param(id).update();
      throw new Conflict("task " + id + " is no longer open: it was completed elsewhere (e.g. in Tasklist) or moved on");
    }
    jdbc.sql("UPDATE human_task SET status = 'COMPLETED', completed_at = ? WHERE id = ?")
        .params(Timestamp.from(clock.instant()), id).update();
    return find(id).view();
  }

  private Map<String, Object> variables(Caller caller, TaskView task, TaskController.Completion c) {
    if ("REFUND_APPROVAL".equals(task.kind())) {
      if (c.decision() == null || !Set.of(Decisions.APPROVE, Decisions.REJECT).contains(c.decision())) {
        throw new InvalidField("decision", "must be APPROVE or REJECT");
      }
      if (c.comment() == null || c.comment().isBlank()) {
        throw new InvalidField("comment", "must say why (it goes to the agent, the customer on a rejection, and the timeline)");
      }
      return Map.of(Variables.DECISION, c.decision(), Variables.DECISION_COMMENT, c.comment().strip(),
          Variables.DECIDED_BY, caller.username());
    }
    if ("ESCALATION_REVIEW".equals(task.kind())) {
      if (c.avoidable() == null) {
        throw new InvalidField("avoidable", "must say whether the escalation could have been avoided (true or false)");
      }
      if (c.rootCause() == null) {
        throw new InvalidField("rootCause", "must be one of " + Arrays.toString(dev.escalation.workers.review.RootCause.values()));
      }
      if (c.whatWouldHaveHelped() == null || c.whatWouldHaveHelped().isBlank()) {
        throw new InvalidField("whatWouldHaveHelped", "must say what would have helped the agent");
      }
      return Map.of(EscalationReview.Variables.AVOIDABLE, c.avoidable(), EscalationReview.Variables.ROOT_CAUSE, c.rootCause().name(),
          EscalationReview.Variables.WHAT_WOULD_HAVE_HELPED, c.whatWouldHaveHelped().strip(),
          EscalationReview.Variables.REVIEWED_BY, caller.username());
    }
    throw new Conflict("task " + task.id() + " is a " + task.kind() + " task, which the inbox cannot complete");
  }

  /**
   * A1: whether the caller may work on the task at all (its candidate groups) is method security's
   * ({@link TaskAccess}); whether the refund's amount is within their authority is this business rule.
   */
  private void requireWithinAuthority(Caller caller, TaskView task) {
    if (task.refund() != null) {
      RefundAuthority.Verdict verdict = authority.of(caller.role().name(), task.refund().amount());
      if (!verdict.within()) {
        throw new BeyondAuthority(caller.username() + " (" + caller.role() + ") may approve refunds up to "
            + (verdict.limit() == null ? "any amount" : verdict.limit().toPlainString()) + "; this one is "
            + task.refund().amount().toPlainString() + " " + task.refund().currency());
      }
    }
  }

  private static void requireOpen(Row row) {
    if (!row.view().awaitsDecision() || !row.subjectPending()) {
      String by = row.view().completedBy();
      throw new Conflict("task " + row.view().id() + " is already done" + (by == null ? " (completed elsewhere, e.g. in Tasklist, or moved on)" : " (by " + by + ")"));
    }
  }

  private Row find(long id) {
    return jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(Inbox::row).optional()
        .orElseThrow(() -> new NotFound("task " + id + " does not exist"));
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String kind = rs.getString("kind");
    long ticketId = rs.getLong("ticket_id");
    TicketContext ticket = rs.wasNull() ? null : new TicketContext(ticketId, rs.getString("subject"), rs.getString("priority"),
        rs.getString("ticket_status"), (Integer) rs.getObject("tier", Integer.class), rs.getString("owner_username"),
        rs.getString("customer_name"));
    RefundContext refund = "REFUND_APPROVAL".equals(kind) && rs.getBigDecimal("amount") != null
        ? new RefundContext(rs.getLong("subject_id"), rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("reason"),
            rs.getString("requested_by"))
        : null;
    boolean pending = switch (kind) {
      case "REFUND_APPROVAL" -> "PENDING_APPROVAL".equals(rs.getString("refund_status"));
      case "ESCALATION_REVIEW" -> "PENDING".equals(rs.getString("review_status"));
      default -> true;
    };
    Timestamp completedAt = rs.getTimestamp("completed_at");
    TaskView view = new TaskView(rs.getLong("id"), kind, rs.getString("name"), rs.getString("element_id"),
        Arrays.stream(rs.getString("candidate_groups").split(",")).filter(s -> !s.isBlank()).collect(Collectors.toList()),
        rs.getString("status"), rs.getString("claimed_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("form_key"),
        rs.getLong("process_instance_key"), ticket, refund, rs.getString("completed_by"),
        completedAt == null ? null : completedAt.toInstant());
    return new Row(view, pending);
  }
}
