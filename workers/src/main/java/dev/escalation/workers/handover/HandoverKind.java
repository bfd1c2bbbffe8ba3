package dev.escalation.workers.handover;

/** How a ticket changed hands outside of an escalation (the values of {@code handoverKind}). */
public enum HandoverKind {
  /** W2: a specialist or a manager took the ticket. */
  GRAB,
  /** W3: a manager gave it to a named person. */
  REASSIGNMENT
}
