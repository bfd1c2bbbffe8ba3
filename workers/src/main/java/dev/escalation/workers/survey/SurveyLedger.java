package dev.escalation.workers.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The survey table's SQL. */
@Repository
class SurveyLedger {
  private final JdbcClient jdbc;

  SurveyLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewSurvey(
      long ticketId, int resolutionNumber, Instant ticketOpenedAt, int resolvedTier, String resolvedBy, String skillGroup,
      String escalationType, String channel, Instant sentAt, Instant expiresAt) {}

  /** Inserts the survey of this resolution unless it exists; returns its id when this call inserted it. */
  Optional<Long> insertOnce(NewSurvey s) {
    int inserted = jdbc.sql("""
            INSERT IGNORE INTO survey (ticket_id, resolution_number, ticket_opened_at, resolved_tier, resolved_by, skill_group,
                                       escalation_type, channel, sent_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(s.ticketId(), s.resolutionNumber(), Timestamp.from(s.ticketOpenedAt()), s.resolvedTier(), s.resolvedBy(),
            s.skillGroup(), s.escalationType(), s.channel(), Timestamp.from(s.sentAt()), Timestamp.from(s.expiresAt()))
        .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(jdbc.sql("SELECT id FROM survey WHERE ticket_id = ? AND resolution_number = ?")
        .params(s.ticketId(), s.resolutionNumber()).query(Long.class).single());
  }

  /** The ticket's last escalation type, or NONE when it was never escalated. */
  String lastEscalationType(long ticketId) {
    return jdbc.sql("SELECT escalation_type FROM escalation WHERE ticket_id = ? ORDER BY escalated_at DESC, id DESC LIMIT 1")
        .param(ticketId).query(String.class).optional().orElse("NONE");
  }

  /** The survey, locked until the caller's transaction ends (two answers at once: the second waits and sees the first). */
  Optional<Survey> lock(long id) {
    return jdbc.sql("""
            SELECT id, ticket_id, resolution_number, resolved_tier, resolved_by, expires_at, rating, comment, answered_at
            FROM survey WHERE id = ? FOR UPDATE""")
        .param(id)
        .query((rs, n) -> new Survey(rs.getLong("id"), rs.getLong("ticket_id"), rs.getInt("resolution_number"),
            rs.getInt("resolved_tier"), rs.getString("resolved_by"), rs.getTimestamp("expires_at").toInstant(),
            (Integer) rs.getObject("rating", Integer.class), rs.getString("comment"),
            rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
        .optional();
  }

  void answer(long id, int rating, String comment, Instant at) {
    jdbc.sql("UPDATE survey SET rating = ?, comment = ?, answered_at = ? WHERE id = ? AND answered_at IS NULL")
        .params(rating, comment, Timestamp.from(at), id).update();
  }
}
