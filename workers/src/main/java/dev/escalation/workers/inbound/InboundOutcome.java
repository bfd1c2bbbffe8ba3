package dev.escalation.workers.inbound;

/** What the inbound path did with a message (column {@code inbound_message.outcome}). */
public enum InboundOutcome {
  /** Claimed, being handled in the claiming transaction (never seen committed). */
  RECEIVED,
  /** The message opened a new ticket. */
  OPENED,
  /** The message was added to an existing ticket's conversation. */
  THREADED,
  /** An automatic reply or a bounce: recorded so it is dropped on redelivery, nothing else. */
  AUTO_REPLY_IGNORED,
  /** A second delivery of a message already received: nothing recorded. */
  DUPLICATE
}
