package dev.escalation.app.overrides;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * M7: one {@code RULE_OVERRIDDEN} entry of the audit trail (T7) and its review, if any. {@code rule} is the rule
 * id the entry starts with ({@code T8: ...}), {@code reason} the text after {@code Reason: }; both null when the
 * entry does not have them.
 */
public record Override(long id, Long ticketId, Instant at, String actor, String rule, String reason, String detail, Review review) {
  private static final Pattern RULE = Pattern.compile("^([A-Z][0-9]+):");
  private static final Pattern REASON = Pattern.compile("Reason: (.*)$", Pattern.DOTALL);

  /** Who reviewed it, when, and what the team learned. */
  public record Review(String by, Instant at, String note) {}

  static Override of(long id, Long ticketId, Instant at, String actor, String detail, Review review) {
    Matcher rule = RULE.matcher(detail);
    Matcher reason = REASON.matcher(detail);
    return new Override(id, ticketId, at, actor, rule.find() ? rule.group(1) : null, reason.find() ? reason.group(1).strip() : null,
        detail, review);
  }
}
