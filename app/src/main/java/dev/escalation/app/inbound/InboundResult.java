package dev.escalation.app.inbound;

import dev.escalation.workers.inbound.InboundOutcome;

/** What {@link InboundMessages#receive} did: the outcome, and the ticket and message it recorded (null when none). */
public record InboundResult(InboundOutcome outcome, Long ticketId, Long ticketMessageId) {
  static final InboundResult DUPLICATE = new InboundResult(InboundOutcome.DUPLICATE, null, null);
  static final InboundResult AUTO_REPLY_IGNORED = new InboundResult(InboundOutcome.AUTO_REPLY_IGNORED, null, null);
}
