package dev.escalation.workers.audit;

/**
 * What a timeline entry records (H6). {@code ATTEMPT_RECORDED}, {@code RESOLVED} and
 * {@code WAITING_ON_CUSTOMER} can answer a handoff (M4): whoever records one also calls
 * {@code handoff.FirstResponses#update} in the same transaction.
 */
public enum AuditEventType {
  TICKET_OPENED,
  OWNER_ASSIGNED,
  OWNER_NOTIFIED,
  ATTEMPT_RECORDED,
  SLA_CLOCKS_STARTED,
  SLA_CLOCKS_RESUMED,
  SLA_WARNING,
  SLA_BREACHED,
  ESCALATED,
  CUSTOMER_NOTIFIED,
  MANAGER_PAGED,
  HEAD_OF_SUPPORT_ALERTED,
  WAITING_ON_CUSTOMER,
  CUSTOMER_REPLIED,
  RESOLVED,
  REOPENED,
  CLOSED,
  RULE_OVERRIDDEN,
  NOTIFICATION_DELIVERED,
  NOTIFICATION_FAILED,
  DEV_TASK_CREATED,
  DEV_TASK_CLOSED,
  PAGE_ACKNOWLEDGED,
  PAGE_UNANSWERED,
  /** A page was wanted but not sent: the manager it would reach owns the ticket or has an open page for it. */
  PAGE_SKIPPED,
  REFUND_REQUESTED,
  REFUND_APPROVED,
  REFUND_REJECTED,
  REFUND_ISSUED,
  APPROVERS_NOTIFIED,
  TASK_CLAIMED,
  TASK_REASSIGNED,
  REVIEW_REQUESTED,
  REVIEW_RECORDED,
  TRIAGED,
  CRITERIA_MATCHED,
  /** An owner action that reached the process after the ticket had left the handoff it was made at. */
  OWNER_ACTION_IGNORED,
  /** A support calendar was created, changed, given holidays or seeded (S2); not bound to a ticket. */
  CALENDAR_CHANGED
}
