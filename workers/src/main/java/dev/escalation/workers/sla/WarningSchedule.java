package dev.escalation.workers.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * T4, S1: where a clock's warnings fall. The owner is warned once at each threshold share of the
 * target; {@code used} is the target's time already spent, {@code now} the moment asked, and every
 * duration counts in the clock's calendar, so a pause or a closed calendar moves the warnings with it.
 */
final class WarningSchedule {
  /** Timers fire at or just after their date; a threshold this close counts as reached. */
  private static final Duration REACHED_TOLERANCE = Duration.ofSeconds(1);

  private WarningSchedule() {}

  /**
   * The first warning of a clock started or resumed at {@code now}: the first threshold still ahead;
   * when all are behind, at once (a warning already sent is not sent again: its notification key is taken).
   */
  static Instant first(SupportCalendar calendar, Instant now, Duration target, Duration used, List<Double> thresholds) {
    for (double share : thresholds) {
      Duration at = share(target, share);
      if (at.compareTo(used) > 0) {
        return calendar.plus(now, at.minus(used));
      }
    }
    return calendar.plus(now, Duration.ZERO);
  }

  /** The next warning after the one due at {@code now}; empty when none is left. */
  static Optional<Instant> next(SupportCalendar calendar, Instant now, Duration target, Duration used, List<Double> thresholds) {
    for (double share : thresholds) {
      Duration at = share(target, share);
      if (at.compareTo(used.plus(REACHED_TOLERANCE)) > 0) {
        return Optional.of(calendar.plus(now, at.minus(used)));
      }
    }
    return Optional.empty();
  }

  /** The highest threshold reached with {@code used} of the target spent; empty when none is. */
  static Optional<Double> reached(Duration target, Duration used, List<Double> thresholds) {
    Double reached = null;
    for (double share : thresholds) {
      if (share(target, share).compareTo(used.plus(REACHED_TOLERANCE)) <= 0) {
        reached = share;
      }
    }
    return Optional.ofNullable(reached);
  }

  static Duration share(Duration target, double share) {
    return Duration.ofNanos(Math.round(target.toNanos() * share));
  }
}
