package dev.escalation.workers.handoff;

import java.sql.Timestamp;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * M4 escalation response: stamps on a ticket's latest handoff ({@code escalation.first_response_at})
 * the new owner's first action after it, read from the audit trail: the earliest
 * {@code ATTEMPT_RECORDED}, {@code REPLIED_TO_CUSTOMER} or {@code RESOLVED} by the escalation's {@code to_owner}, or
 * {@code WAITING_ON_CUSTOMER} (recorded by the system when the owner asked the customer), at or
 * after the handoff. Only the latest handoff is updated: an action after the next handoff does not
 * answer an earlier one, so an earlier handoff keeps what it had when the next one came.
 *
 * <p>Call it in the transaction that records one of those events, and where the latest escalation
 * gets its owner (an action by that owner may have come first), after saving the ticket: every such
 * transaction saves the ticket, whose version check keeps concurrent changes of it out. The stamp is
 * recomputed from the trail rather than set from the event, so its order does not matter.
 */
@Component
public class FirstResponses {
  private static final String LATEST_HANDOFF = """
      SELECT e.id, e.first_response_at,
             (SELECT MIN(a.at) FROM audit_event a
              WHERE a.ticket_id = e.ticket_id AND a.at >= e.escalated_at
                AND (a.type = 'WAITING_ON_CUSTOMER'
                     OR (a.type IN ('ATTEMPT_RECORDED', 'REPLIED_TO_CUSTOMER', 'RESOLVED') AND a.actor = e.to_owner))) AS first_action_at
      FROM escalation e
      WHERE e.ticket_id = ?
      ORDER BY e.escalated_at DESC, e.id DESC
      LIMIT 1
      """;

  private final JdbcClient jdbc;

  FirstResponses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Handoff(long id, Timestamp stamped, Timestamp firstAction) {}

  /** Brings the stamp of the ticket's latest handoff up to date; nothing when the ticket was never escalated. */
  @Transactional
  public void update(long ticketId) {
    // plain reads, then one row written: no shared locks on the audit trail, which others append to
    jdbc.sql(LATEST_HANDOFF).param(ticketId)
        .query((rs, n) -> new Handoff(rs.getLong("id"), rs.getTimestamp("first_response_at"), rs.getTimestamp("first_action_at")))
        .optional()
        .filter(h -> !Objects.equals(h.stamped(), h.firstAction()))
        .ifPresent(h -> jdbc.sql("UPDATE escalation SET first_response_at = ? WHERE id = ?").params(h.firstAction(), h.id()).update());
  }
}
