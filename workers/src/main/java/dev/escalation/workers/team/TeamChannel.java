package dev.escalation.workers.team;

import dev.escalation.workers.notification.NotificationKind;
import dev.escalation.workers.notification.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C5 The team hears about the worst: posts an event to the team's Slack and/or Teams channel
 * through the outbox, so each target gets it once (the key) and a provider outage only delays it.
 * Which events go where is {@link TeamChannelProperties#routes()}.
 */
@Service
public class TeamChannel {
  private final Outbox outbox;
  private final TeamChannelProperties properties;

  public TeamChannel(Outbox outbox, TeamChannelProperties properties) {
    this.outbox = outbox;
    this.properties = properties;
  }

  /**
   * Writes the alert for every target the event is routed to, in the caller's transaction.
   *
   * @param key what makes this alert unique (a job key, a page id, a crossing); a second post with the same key is dropped
   * @param ticketId the ticket the alert links to, or null for an alert about no single ticket
   * @return how many targets got a new alert
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int post(TeamEvent event, String key, Long ticketId, String title, String text) {
    int written = 0;
    for (TeamTarget target : properties.targetsOf(event)) {
      if (outbox.enqueue(new Outbox.Message("TEAM:" + target + ":" + event + ":" + key, ticketId, NotificationKind.TEAM_ALERT,
          target.name().toLowerCase(java.util.Locale.ROOT) + " team channel", null, target.channel(), title, text))) {
        written++;
      }
    }
    return written;
  }
}
