package dev.escalation.workers.devtask;

import org.springframework.stereotype.Component;

/** The external tracker chosen by escalation.dev-tasks.tracker, built (and its settings checked) on first use. */
@Component
class TrackerAdapters {
  private final DevTaskProperties properties;
  private volatile TrackerAdapter adapter;

  TrackerAdapters(DevTaskProperties properties) {
    this.properties = properties;
  }

  TrackerAdapter get(Tracker tracker) {
    TrackerAdapter current = adapter;
    if (current == null || current.tracker() != tracker) {
      current = switch (tracker) {
        case GITHUB -> new GithubTrackerAdapter(properties);
        case JIRA -> new JiraTrackerAdapter(properties);
        case INTERNAL -> throw new IllegalArgumentException("the internal tracker has no adapter");
      };
      adapter = current;
    }
    return current;
  }
}
