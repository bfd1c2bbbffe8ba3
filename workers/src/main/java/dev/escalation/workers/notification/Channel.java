package dev.escalation.workers.notification;

import java.util.Locale;

/** Where a notification goes. Only EMAIL has an adapter so far (see the README). */
public enum Channel {
  EMAIL,
  CHAT,
  WHATSAPP,
  TELEGRAM,
  INSTAGRAM,
  SMS,
  PHONE,
  WEB,
  /** C5: the team's Slack channel (incoming webhook). */
  SLACK,
  /** C5: the team's Microsoft Teams channel (incoming webhook or workflow). */
  TEAMS;

  /** The channel for a ticket's channel name; unknown names map to WEB. */
  public static Channel of(String ticketChannel) {
    try {
      return Channel.valueOf(ticketChannel.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      return WEB;
    }
  }
}
