package dev.escalation.app.overrides;

import dev.escalation.workers.audit.AuditEventType;
import dev.escalation.workers.audit.AuditTrail;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** M7: a manager marks a rule override reviewed, with what the team learned (T7: not punished, learned from). */
@Service
class OverrideReviews {
  private final OverrideQueries overrides;
  private final AuditTrail audit;
  private final Clock clock;

  OverrideReviews(OverrideQueries overrides, AuditTrail audit, Clock clock) {
    this.overrides = overrides;
    this.audit = audit;
    this.clock = clock;
  }

  /** Thrown when the id names no rule override. */
  static final class NoSuchOverride extends RuntimeException {
    NoSuchOverride(long id) {
      super("audit entry " + id + " is not a rule override (RULE_OVERRIDDEN)");
    }
  }

  /** Thrown when the override was reviewed already; a review is not changed afterwards. */
  static final class AlreadyReviewed extends RuntimeException {
    AlreadyReviewed(Override override) {
      super("override " + override.id() + " was reviewed by " + override.review().by() + " at " + override.review().at());
    }
  }

  @Transactional
  Override review(long id, String note, String by) {
    Override override = overrides.find(id).orElseThrow(() -> new NoSuchOverride(id));
    if (!overrides.insertReview(id, by, clock.instant(), note.strip())) {
      throw new AlreadyReviewed(overrides.find(id).orElseThrow());
    }
    audit.record(override.ticketId(), AuditEventType.OVERRIDE_REVIEWED, by,
        "Override " + id + (override.rule() == null ? "" : " of " + override.rule()) + " reviewed: " + note.strip());
    return overrides.find(id).orElseThrow();
  }
}
