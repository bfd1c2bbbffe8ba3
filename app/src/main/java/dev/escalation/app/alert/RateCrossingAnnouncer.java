package dev.escalation.app.alert;

/**
 * The seam for more ways to tell the team about a crossing above the threshold (M8), such as a post to the
 * team's Slack or Teams channel. Every bean implementing it is called once per crossing, inside the
 * transaction that records the crossing, so an implementation that writes to the outbox (keyed by
 * {@link RateCrossing#id()}) sends exactly once ({@link TeamChannelRateAnnouncer} posts to the team channel). The mail to the managers
 * is sent by {@link EscalationRateAlerts} itself.
 */
public interface RateCrossingAnnouncer {
  void crossedAbove(RateCrossing crossing);
}
