package dev.escalation.workers.sla;

import java.time.Duration;

/**
 * SLA targets of one severity. {@code businessHours} selects whether the durations count only
 * working time of the support calendar ({@code true}) or elapsed calendar time 24/7 ({@code false}).
 */
public record SlaTarget(Duration response, Duration resolution, boolean businessHours) {

  public SlaTarget {
    requirePositive(response, "response");
    requirePositive(resolution, "resolution");
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }
}
