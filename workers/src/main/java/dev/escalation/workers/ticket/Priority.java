package dev.escalation.workers.ticket;

/** Ticket severity (product rule T1): P1 critical, P2 high, P3 medium, P4 low. */
public enum Priority {
  P1,
  P2,
  P3,
  P4
}
