package dev.escalation.workers.refund;

/** Variables of a refund-approval job; the decision fields are set once a person decided. */
public record RefundJob(
    long ticketId, long refundRequestId, String refundDecision, String refundDecisionComment, String refundDecidedBy) {}
