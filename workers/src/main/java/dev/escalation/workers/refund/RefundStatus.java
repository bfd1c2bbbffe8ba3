package dev.escalation.workers.refund;

public enum RefundStatus {
  /** Asked for; the process decides whether it needs an approval. */
  REQUESTED,
  /** Above the requester's authority: a human task waits for a decision. */
  PENDING_APPROVAL,
  APPROVED,
  REJECTED,
  /** The payment provider accepted the refund. */
  ISSUED
}
