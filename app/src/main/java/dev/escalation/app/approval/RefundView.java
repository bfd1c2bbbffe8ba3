package dev.escalation.app.approval;

import dev.escalation.workers.refund.RefundRequest;
import dev.escalation.workers.refund.RefundStatus;
import java.math.BigDecimal;
import java.time.Instant;

/** A1: a refund request as the API shows it (the ledger's row, field by field). */
record RefundView(long id, long ticketId, BigDecimal amount, String currency, String reason, String paymentIntent, String requestedBy,
    String requesterRole, RefundStatus status, String decidedBy, String decisionComment, Instant decidedAt, String providerRefundId,
    Instant issuedAt, Instant requestedAt) {

  static RefundView of(RefundRequest r) {
    return new RefundView(r.id(), r.ticketId(), r.amount(), r.currency(), r.reason(), r.paymentIntent(), r.requestedBy(),
        r.requesterRole(), r.status(), r.decidedBy(), r.decisionComment(), r.decidedAt(), r.providerRefundId(), r.issuedAt(),
        r.requestedAt());
  }
}
