package dev.escalation.workers.devtask;

import java.util.Optional;

/** An external tracker: GitHub Issues or Jira Cloud. */
interface TrackerAdapter {
  Tracker tracker();

  /** The issue an earlier attempt created for this ticket, found by its marker label. */
  Optional<TrackerIssue> find(IssueDraft draft);

  TrackerIssue create(IssueDraft draft);
}
