package dev.escalation.workers.devtask;

public enum DevTaskState {
  /** Intent recorded, the tracker may or may not have the issue yet. */
  CREATING,
  OPEN,
  CLOSED
}
