package dev.escalation.workers.refund;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The refund_request table; status changes are conditional updates, so a stale change affects no row. */
@Repository
public class RefundRequests {
  private final JdbcClient jdbc;

  RefundRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long ticketId, BigDecimal amount, String currency, String reason, String paymentIntent,
      String requestedBy, String requesterRole, Instant at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO refund_request (ticket_id, amount, currency, reason, payment_intent, requested_by, requester_role,
                                        status, requested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)""")
        .params(ticketId, amount, currency, reason, paymentIntent, requestedBy, requesterRole, Timestamp.from(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<RefundRequest> find(long id) {
    return jdbc.sql("SELECT * FROM refund_request WHERE id = ?").param(id).query(RefundRequests::map).optional();
  }

  public RefundRequest get(long id) {
    return find(id).orElseThrow(() -> new IllegalStateException("refund request " + id + " does not exist"));
  }

  public List<RefundRequest> ofTicket(long ticketId) {
    return jdbc.sql("SELECT * FROM refund_request WHERE ticket_id = ? ORDER BY id").param(ticketId).query(RefundRequests::map).list();
  }

  boolean awaitApproval(long id) {
    return jdbc.sql("UPDATE refund_request SET status = 'PENDING_APPROVAL' WHERE id = ? AND status = 'REQUESTED'")
        .param(id).update() == 1;
  }

  boolean decide(long id, RefundStatus decision, String by, String comment, Instant at) {
    return jdbc.sql("""
            UPDATE refund_request SET status = ?, decided_by = ?, decision_comment = ?, decided_at = ?
            WHERE id = ? AND status IN ('REQUESTED', 'PENDING_APPROVAL')""")
        .params(decision.name(), by, comment, Timestamp.from(at), id).update() == 1;
  }

  boolean issued(long id, String providerRefundId, Instant at) {
    return jdbc.sql("""
            UPDATE refund_request SET status = 'ISSUED', provider_refund_id = ?, issued_at = ?
            WHERE id = ? AND status IN ('REQUESTED', 'APPROVED')""")
        .params(providerRefundId, Timestamp.from(at), id).update() == 1;
  }

  private static RefundRequest map(ResultSet rs, int row) throws SQLException {
    return new RefundRequest(rs.getLong("id"), rs.getLong("ticket_id"), rs.getBigDecimal("amount"), rs.getString("currency"),
        rs.getString("reason"), rs.getString("payment_intent"), rs.getString("requested_by"), rs.getString("requester_role"),
        RefundStatus.valueOf(rs.getString("status")), rs.getString("decided_by"), rs.getString("decision_comment"),
        instant(rs, "decided_at"), rs.getString("provider_refund_id"), instant(rs, "issued_at"), instant(rs, "requested_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
