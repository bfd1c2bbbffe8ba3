package dev.escalation.workers.notification;

public enum NotificationKind {
  ACKNOWLEDGEMENT,
  ESCALATION_NOTICE,
  WAITING,
  RESOLUTION,
  OWNER_ASSIGNED,
  SLA_WARNING,
  SLA_BREACH,
  PAGE,
  HEAD_OF_SUPPORT_ALERT,
  /** N3: the customer learns that the fix for their bug shipped. */
  FIX_SHIPPED,
  /** N3: the ticket's owner learns that the dev task was closed. */
  FIX_SHIPPED_OWNER,
  /** N2: nobody acknowledged a page within its bounded repeats; the head of support is told. */
  PAGE_UNANSWERED,
  /** A1: the customer learns whether the refund was issued or declined. */
  REFUND_OUTCOME,
  /** A1: the agent who asked learns the outcome. */
  REFUND_OUTCOME_TO_AGENT,
  /** A2: approvers reminded of an unanswered approval. */
  APPROVAL_FOLLOW_UP,
  /** A3: the team lead is asked to review an escalated ticket. */
  REVIEW_REQUESTED,
  /** M5: the customer is asked to rate how the escalated ticket was handled (the body holds the survey link). */
  SURVEY,
  /** M5: a rating of 2 or less; the manager of the resolving tier is told. */
  SURVEY_LOW_RATING,
  /** M8: the escalation rate crossed above its threshold; each manager is told once per crossing. */
  ESCALATION_RATE_ALERT,
  /** The managers' weekly digest. */
  WEEKLY_DIGEST,
  /** W2/W3: the owner learns that someone grabbed the ticket or a manager reassigned it. */
  OWNER_REPLACED,
  /** C5: the team channel hears about a P1 escalation, a top-tier breach or an unanswered page. */
  TEAM_ALERT,
  /** N1: an agent's answer to the customer, as written, on the ticket's channel. */
  REPLY
}
