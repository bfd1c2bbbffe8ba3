package dev.escalation.workers.ticket;

/** State of one SLA clock of a ticket. */
public enum ClockState {
  NOT_STARTED,
  RUNNING,
  PAUSED,
  MET,
  BREACHED
}
