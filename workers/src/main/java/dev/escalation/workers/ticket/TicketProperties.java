package dev.escalation.workers.ticket;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param reopenWindow how long a resolved ticket can be reopened before it closes (R2)
 * @param maxTier the highest tier a ticket can reach (H4); a breach there alerts the head of support
 * @param requiredAttempts resolution attempts needed at a tier before a manual escalation (T8)
 * @param zone time zone used to show times to customers and owners
 * @param flagHighPriorityAfter a P1/P2 ticket still unresolved this long after opening is flagged (T2)
 */
@ConfigurationProperties("escalation.tickets")
public record TicketProperties(
    Duration reopenWindow, Integer maxTier, Integer requiredAttempts, String zone, Duration flagHighPriorityAfter) {
  public TicketProperties {
    reopenWindow = reopenWindow == null ? Duration.ofDays(7) : reopenWindow;
    maxTier = maxTier == null ? 3 : maxTier;
    requiredAttempts = requiredAttempts == null ? 2 : requiredAttempts;
    zone = zone == null ? "Europe/Berlin" : zone;
    flagHighPriorityAfter = flagHighPriorityAfter == null ? Duration.ofHours(4) : flagHighPriorityAfter;
    if (reopenWindow.isNegative() || reopenWindow.isZero()) {
      throw new IllegalArgumentException("escalation.tickets.reopen-window must be positive");
    }
    if (maxTier < 2 || maxTier > 3) {
      throw new IllegalArgumentException("escalation.tickets.max-tier must be 2 or 3");
    }
    if (requiredAttempts < 0) {
      throw new IllegalArgumentException("escalation.tickets.required-attempts must not be negative");
    }
    java.time.ZoneId.of(zone);
  }
}
