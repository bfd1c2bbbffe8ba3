package dev.escalation.processes;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeoutException;

/**
 * The in-memory engine's clock is system time plus every {@code increaseTime}; it has no getter,
 * so tests track the offset here to compute "now" as the engine sees it.
 */
public final class EngineClock {
  private final ZeebeTestEngine engine;
  private Duration offset = Duration.ZERO;

  public EngineClock(ZeebeTestEngine engine) {
    this.engine = engine;
  }

  public Instant now() {
    return Instant.now().plus(offset);
  }

  public void advance(Duration duration) {
    offset = offset.plus(duration);
    engine.increaseTime(duration);
    idle();
  }

  /** Moves the clock to exactly {@code target} (seconds precision). */
  public void advanceTo(Instant target) {
    Duration gap = Duration.between(now(), target);
    if (gap.isNegative()) {
      throw new IllegalStateException("cannot move the engine clock back to " + target);
    }
    advance(gap);
  }

  /** The next given weekday at the given local time in zone, at least a day ahead of now. */
  public Instant next(java.time.DayOfWeek day, int hour, int minute, ZoneId zone) {
    ZonedDateTime t = now().atZone(zone).plusDays(1).truncatedTo(ChronoUnit.DAYS);
    while (t.getDayOfWeek() != day) {
      t = t.plusDays(1);
    }
    return t.withHour(hour).withMinute(minute).toInstant();
  }

  public void idle() {
    try {
      engine.waitForIdleState(Duration.ofSeconds(10));
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("engine did not become idle", e);
    }
  }
}
