package dev.escalation.workers.sla;

import dev.escalation.workers.ticket.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * Computes SLA clocks (warning and due instants) per priority, in 24/7 or business time. The
 * calendar is looked up by name on every computation (S2), so an edited calendar applies to the
 * next clock computed, never to a date already handed to the process.
 */
public class SlaCalculator {

  private final SlaProperties properties;
  private final SupportCalendars calendars;

  /** Calendars straight from the properties: {@code business-hours} and {@code 24x7} only. */
  public SlaCalculator(SlaProperties properties) {
    this(properties, fromProperties(properties));
  }

  public SlaCalculator(SlaProperties properties, SupportCalendars calendars) {
    if (properties == null) {
      throw new IllegalArgumentException("properties must not be null");
    }
    if (calendars == null) {
      throw new IllegalArgumentException("calendars must not be null");
    }
    this.properties = properties;
    this.calendars = calendars;
  }

  /** The name of the calendar the clocks of {@code p} count in. */
  public String calendarName(Priority p) {
    requireNonNull(p, "priority");
    return properties.target(p).businessHours() ? CalendarNames.BUSINESS_HOURS : CalendarNames.TWENTY_FOUR_SEVEN;
  }

  public SlaClock responseClock(Priority p, Instant start) {
    return startClock(p, start, responseTarget(p));
  }

  public SlaClock resolutionClock(Priority p, Instant start) {
    return startClock(p, start, resolutionTarget(p));
  }

  /** Business time left until {@code dueAt}; {@code Duration.ZERO} if it is already past. */
  public Duration remaining(Priority p, Instant now, Instant dueAt) {
    requireNonNull(now, "now");
    requireNonNull(dueAt, "dueAt");
    return calendar(p).between(now, dueAt);
  }

  /**
   * Restarts a paused clock with the {@code remaining} business time kept at the pause. The warning
   * stays where {@code (1 - warningRatio)} of the original {@code fullDuration} remains; if less than
   * that is left, the warning is due immediately, i.e. at the first working instant from {@code now}
   * (which is {@code now} itself whenever {@code now} is working time).
   */
  public SlaClock resume(Priority p, Instant now, Duration remaining, Duration fullDuration) {
    requireNonNull(now, "now");
    requireNonNegative(remaining, "remaining");
    requireNonNegative(fullDuration, "fullDuration");
    SupportCalendar calendar = calendar(p);
    Duration warningLead = scale(fullDuration, 1 - properties.warningRatio());
    Duration untilWarning =
        remaining.compareTo(warningLead) > 0 ? remaining.minus(warningLead) : Duration.ZERO;
    return new SlaClock(now, calendar.plus(now, untilWarning), calendar.plus(now, remaining));
  }

  public Duration responseTarget(Priority p) {
    return properties.target(p).response();
  }

  public Duration resolutionTarget(Priority p) {
    return properties.target(p).resolution();
  }

  private SlaClock startClock(Priority p, Instant start, Duration duration) {
    requireNonNull(start, "start");
    SupportCalendar calendar = calendar(p);
    Instant warningAt = calendar.plus(start, scale(duration, properties.warningRatio()));
    return new SlaClock(start, warningAt, calendar.plus(start, duration));
  }

  private SupportCalendar calendar(Priority p) {
    return calendars.named(calendarName(p));
  }

  private static SupportCalendars fromProperties(SlaProperties properties) {
    if (properties == null) {
      throw new IllegalArgumentException("properties must not be null");
    }
    return name -> switch (name) {
      case CalendarNames.BUSINESS_HOURS -> properties.businessCalendar();
      case CalendarNames.TWENTY_FOUR_SEVEN -> SupportCalendar.twentyFourSeven();
      default -> throw new IllegalArgumentException("no support calendar named " + name);
    };
  }

  private static Duration scale(Duration duration, double factor) {
    return Duration.ofNanos(Math.round(duration.toNanos() * factor));
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }

  private static void requireNonNegative(Duration value, String name) {
    requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
  }
}
