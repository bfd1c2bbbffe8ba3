package dev.escalation.app.fault;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts straight from the ledger, to check what the API says and that nothing was written twice. */
final class Ledger {
  private final JdbcClient jdbc;

  Ledger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  long escalations(long ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM escalation WHERE ticket_id = ?").param(ticketId).query(Long.class).single();
  }

  long handoffNotes(long ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM handoff_note WHERE ticket_id = ?").param(ticketId).query(Long.class).single();
  }

  long notifications(long ticketId, String kind) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE ticket_id = ? AND kind = ?").params(ticketId, kind)
        .query(Long.class).single();
  }

  long audits(long ticketId, String type) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE ticket_id = ? AND type = ?").params(ticketId, type)
        .query(Long.class).single();
  }

  long messages(long ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM ticket_message WHERE ticket_id = ?").param(ticketId).query(Long.class).single();
  }

  /** Whether every notification of the ticket went out (nothing left for the dispatcher). */
  boolean allSent(long ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM notification WHERE ticket_id = ? AND status <> 'SENT'").param(ticketId)
        .query(Long.class).single() == 0;
  }

  String status(long ticketId) {
    return jdbc.sql("SELECT status FROM ticket WHERE id = ?").param(ticketId).query(String.class).single();
  }

  int tier(long ticketId) {
    return jdbc.sql("SELECT tier FROM ticket WHERE id = ?").param(ticketId).query(Integer.class).single();
  }
}
