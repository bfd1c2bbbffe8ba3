package dev.escalation.workers.handoff;

/** H3: functional goes to a specialist group by category, hierarchical up to management. */
public enum EscalationType {
  FUNCTIONAL,
  HIERARCHICAL
}
