package dev.escalation.workers.audit;

/**
 * What a timeline entry records (H6). {@code ATTEMPT_RECORDED}, {@code REPLIED_TO_CUSTOMER},
 * {@code RESOLVED} and {@code WAITING_ON_CUSTOMER} can answer a handoff (M4): whoever records one also calls
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
  /** A manager was told something about a ticket (M5: a low survey rating). */
  MANAGER_NOTIFIED,
  /** M5: the customer answered the survey. */
  SURVEY_ANSWERED,
  /** M7: a manager reviewed a rule override. */
  OVERRIDE_REVIEWED,
  /** M8: the escalation rate crossed above its threshold (no ticket; the managers were told). */
  ESCALATION_RATE_ABOVE,
  /** M8: the escalation rate fell back to or below its threshold (no ticket; recorded only). */
  ESCALATION_RATE_BELOW,
  /** W2: a specialist or a manager took the ticket from its owner. */
  TICKET_GRABBED,
  /** W3: a manager gave the ticket to a named person, with a reason. */
  TICKET_REASSIGNED,
  /** An admin added or changed a roster member (no ticket). */
  ROSTER_CHANGED,
  /** S5: the SLA policy row (targets, calendar, version) the clocks started next count with. */
  SLA_POLICY_APPLIED,
  /** S4: an owner or a supervisor changed the priority, with a reason. */
  PRIORITY_CHANGED,
  /** C3: a staff-only note; its text is for staff and never reaches the customer. */
  INTERNAL_NOTE,
  /** N1: the owner answered the customer (the text is in the conversation; it counts as a response, M4). */
  REPLIED_TO_CUSTOMER,
  /** C5: an alert for the team channel (Slack, Teams) was written to the outbox. */
  TEAM_CHANNEL_POSTED,
  /** A support calendar was created, changed, given holidays or seeded (S2); not bound to a ticket. */
  CALENDAR_CHANGED
}
