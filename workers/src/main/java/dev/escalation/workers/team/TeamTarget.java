package dev.escalation.workers.team;

import dev.escalation.workers.notification.Channel;

/** Where a team alert can go; each has its own outbox channel and adapter. */
public enum TeamTarget {
  SLACK(Channel.SLACK),
  TEAMS(Channel.TEAMS);

  private final Channel channel;

  TeamTarget(Channel channel) {
    this.channel = channel;
  }

  public Channel channel() {
    return channel;
  }
}
