package dev.escalation.app.metrics;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Rows written straight into the ledger for tests with known answers, as the app writes them (the ticket's
 * metrics moments as {@code Ticket.escalateTo} stamps them, an escalation with its ticket's opening).
 */
public final class HandMadeLedger {
  private final JdbcClient jdbc;

  public HandMadeLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public boolean hasCustomer(String emailPrefix) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_email LIKE ?").param(emailPrefix + "%").query(Long.class).single() > 0;
  }

  public long ticket(String email, String category, String status, int tier, int escalations, String openedAt, String resolvedAt) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO ticket (customer_name, customer_email, customer_language, channel, subject, description, priority, category,
                            status, tier, max_tier, response_clock, resolution_clock, escalation_count, reescalation_count,
                            opened_at, resolved_at, closed_at)
        VALUES ('Hand Made', ?, 'en', 'email', ?, 'hand-made for a test with known answers', 'P3', ?, ?, ?, 3, 'MET', 'MET', ?, 0, ?, ?, ?)
        """)
        .params(email, "hand-made " + email, category, status, tier, escalations, at(openedAt), at(resolvedAt),
            "CLOSED".equals(status) ? at(resolvedAt) : null)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** An escalation into {@code toTier}; {@code firstResponseAt} is the new owner's first action (null: none yet). */
  public void escalation(long ticketId, int toTier, String toOwner, String at, String firstResponseAt) {
    var note = new GeneratedKeyHolder();
    jdbc.sql("""
        INSERT INTO handoff_note (ticket_id, author, automatic, escalation_type, summary, attempted, need, created_at)
        VALUES (?, 'system', TRUE, 'FUNCTIONAL', 'hand-made', 'nothing', 'an answer', ?)
        """).params(ticketId, at(at)).update(note, "id");
    jdbc.sql("""
        INSERT INTO escalation (ticket_id, ticket_opened_at, handoff_note_id, escalation_type, cause, from_tier, to_tier, to_owner,
                                reescalation, escalated_at, first_response_at)
        SELECT t.id, t.opened_at, ?, 'FUNCTIONAL', 'MANUAL', ?, ?, ?, FALSE, ?, ? FROM ticket t WHERE t.id = ?
        """).params(note.getKey().longValue(), toTier - 1, toTier, toOwner, at(at), at(firstResponseAt), ticketId).update();
    jdbc.sql("UPDATE ticket SET first_escalated_at = COALESCE(first_escalated_at, ?), escalated_to_tier_at = ? WHERE id = ?")
        .params(at(at), at(at), ticketId).update();
  }

  public void criteria(long ticketId, String ruleId, String at) {
    jdbc.sql("""
        INSERT INTO criteria_evaluation (ticket_id, rule_id, reason, inputs, outputs, evaluated_at)
        VALUES (?, ?, 'hand-made', '{}', '{}', ?)""").params(ticketId, ruleId, at(at)).update();
  }

  public long audit(Long ticketId, String type, String at, String actor, String detail) {
    var key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO audit_event (ticket_id, at, type, actor, detail) VALUES (?, ?, ?, ?, ?)")
        .params(ticketId, at(at), type, actor, detail).update(key, "id");
    return key.getKey().longValue();
  }

  public void review(long ticketId, String rootCause, String reviewedAt) {
    jdbc.sql("""
        INSERT INTO escalation_review (ticket_id, resolution_number, escalation_count, status, reviewer, avoidable, root_cause,
                                       what_would_have_helped, requested_at, reviewed_at)
        VALUES (?, 0, 1, 'DONE', 'manager1', FALSE, ?, 'hand-made', ?, ?)""")
        .params(ticketId, rootCause, at(reviewedAt), at(reviewedAt)).update();
  }

  /** A survey of the ticket's first resolution; {@code rating} null: not answered. */
  public void survey(long ticketId, int tier, String group, String escalationType, String channel, Integer rating, String sentAt) {
    jdbc.sql("""
        INSERT INTO survey (ticket_id, resolution_number, ticket_opened_at, resolved_tier, skill_group, escalation_type, channel, sent_at,
                            expires_at, rating, answered_at)
        SELECT t.id, 0, t.opened_at, ?, ?, ?, ?, ?, ? + INTERVAL 7 DAY, ?, IF(? IS NULL, NULL, ?) FROM ticket t WHERE t.id = ?""")
        .params(tier, group, escalationType, channel, at(sentAt), at(sentAt), rating, rating, at(sentAt), ticketId).update();
  }

  public static Timestamp at(String instant) {
    return instant == null ? null : Timestamp.from(Instant.parse(instant));
  }
}
