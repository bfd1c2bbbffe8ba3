package dev.escalation.workers.refund;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A2: how long an approval may wait before the approvers are reminded ({@code follow-up-after}),
 * and how much longer before it moves to the head of support ({@code reassign-after}, counted from the follow-up).
 */
@ConfigurationProperties("escalation.refunds")
public record RefundProperties(@DefaultValue("PT1H") Duration followUpAfter, @DefaultValue("PT1H") Duration reassignAfter) {
  public RefundProperties {
    if (followUpAfter.isNegative() || followUpAfter.isZero() || reassignAfter.isNegative() || reassignAfter.isZero()) {
      throw new IllegalArgumentException("escalation.refunds.follow-up-after and reassign-after must be positive durations");
    }
  }
}
