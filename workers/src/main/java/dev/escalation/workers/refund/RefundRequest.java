package dev.escalation.workers.refund;

import java.math.BigDecimal;
import java.time.Instant;

/** A1: a refund someone asked for on a ticket, and what became of it. */
public record RefundRequest(
    long id,
    long ticketId,
    BigDecimal amount,
    String currency,
    String reason,
    String paymentIntent,
    String requestedBy,
    String requesterRole,
    RefundStatus status,
    String decidedBy,
    String decisionComment,
    Instant decidedAt,
    String providerRefundId,
    Instant issuedAt,
    Instant requestedAt) {

  /** Asked for and not decided yet: approved, rejected or issued requests are settled. */
  public boolean isAwaitingDecision() {
    return status == RefundStatus.REQUESTED || status == RefundStatus.PENDING_APPROVAL;
  }

  /** What the provider's idempotency key and our outbox keys derive from: stable for this request. */
  public String idempotencyKey() {
    return "refund-request-" + id;
  }

  public String money() {
    return amount.toPlainString() + " " + currency;
  }
}
