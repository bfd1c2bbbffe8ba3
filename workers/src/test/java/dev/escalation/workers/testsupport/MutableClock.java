package dev.escalation.workers.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that tests move by hand. Thread-safe; starts at the given instant (micro precision, as the ledger stores). */
public final class MutableClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  public MutableClock(Instant start) {
    this(start, ZoneOffset.UTC);
  }

  private MutableClock(Instant start, ZoneId zone) {
    this.now = start.truncatedTo(ChronoUnit.MICROS);
    this.zone = zone;
  }

  /** A clock at the current time, truncated to microseconds. */
  public static MutableClock startingNow() {
    return new MutableClock(Instant.now());
  }

  public synchronized Instant advance(Duration by) {
    now = now.plus(by);
    return now;
  }

  public void set(Instant instant) {
    now = instant.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new MutableClock(now, zone);
  }
}
