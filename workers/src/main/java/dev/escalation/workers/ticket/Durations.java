package dev.escalation.workers.ticket;

import java.time.Duration;

/**
 * Formats a duration for people (timeline entries, notices, mails): the two largest units that
 * matter, "3 h 59 min", "2 d 4 h", "12 min"; seconds only under a minute ("45 s"). Rounded down:
 * "3 h 59 min left" never promises more time than there is.
 */
public final class Durations {
  private Durations() {}

  public static String format(Duration duration) {
    long seconds = Math.abs(duration.toSeconds());
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = seconds / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = minutes / 60;
    if (hours < 24) {
      return join(hours, "h", minutes % 60, "min");
    }
    return join(hours / 24, "d", hours % 24, "h");
  }

  private static String join(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
  }
}
