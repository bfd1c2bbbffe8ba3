package dev.escalation.workers.devtask;

/** Where dev tasks are filed (escalation.dev-tasks.tracker). */
public enum Tracker {
  /** Tasks stored in the ledger and listed by GET /api/dev-tasks: embedded mode, teams without a tracker. */
  INTERNAL,
  /** GitHub Issues (REST, token auth). */
  GITHUB,
  /** Jira Cloud (REST v3, basic auth with e-mail and API token). */
  JIRA
}
