-- The moments the escalation metrics (GET /api/metrics, EscalationMetrics in the app) are computed
-- from, stamped by the transaction that records them, so that each metric is a range scan of the
-- tickets (or of their escalations) opened in a window instead of lookups per ticket and handoff.
-- Backfilled below from the rows already written, with the definitions the metrics used before.

-- M2 time to escalation ends at the ticket's first escalation; M4 resolution time by tier starts at
-- the escalation into the ticket's current tier (null at tier 1, where it starts at opening, and
-- when the criteria started the ticket above tier 1). Set by Ticket.escalateTo.
ALTER TABLE ticket
    ADD COLUMN first_escalated_at   DATETIME(6) NULL,
    ADD COLUMN escalated_to_tier_at DATETIME(6) NULL;

-- ticket_opened_at: the ticket's opened_at, the cohort an escalation counts in (set by Handoffs).
-- first_response_at: M4, the new owner's first action after the handoff, before the next handoff: the
-- first ATTEMPT_RECORDED or RESOLVED by to_owner, or WAITING_ON_CUSTOMER (FirstResponses).
ALTER TABLE escalation
    ADD COLUMN ticket_opened_at  DATETIME(6) NULL AFTER ticket_id,
    ADD COLUMN first_response_at DATETIME(6) NULL;

UPDATE escalation e JOIN ticket t ON t.id = e.ticket_id
SET e.ticket_opened_at = t.opened_at;

ALTER TABLE escalation MODIFY ticket_opened_at DATETIME(6) NOT NULL;

UPDATE ticket t
    JOIN (SELECT e.ticket_id, MIN(e.escalated_at) AS first_at FROM escalation e GROUP BY e.ticket_id) f ON f.ticket_id = t.id
SET t.first_escalated_at = f.first_at;

-- The latest escalation into the current tier; for a resolved ticket, the latest before its resolution.
UPDATE ticket t
SET t.escalated_to_tier_at = (SELECT MAX(e.escalated_at) FROM escalation e
                              WHERE e.ticket_id = t.id AND e.to_tier = t.tier
                                AND (t.resolved_at IS NULL OR e.escalated_at <= t.resolved_at))
WHERE t.tier > 1;

UPDATE escalation target
    JOIN (SELECT h.id, h.next_at,
                 LEAST(COALESCE(MIN(attempt.at), TIMESTAMP'9999-12-31 00:00:00'),
                       COALESCE(MIN(resolution.at), TIMESTAMP'9999-12-31 00:00:00'),
                       COALESCE(MIN(pause.at), TIMESTAMP'9999-12-31 00:00:00')) AS first_action_at
          FROM (SELECT e.id, e.ticket_id, e.escalated_at, e.to_owner,
                       LEAD(e.escalated_at) OVER (PARTITION BY e.ticket_id ORDER BY e.escalated_at, e.id) AS next_at
                FROM escalation e) h
          LEFT JOIN audit_event attempt ON attempt.ticket_id = h.ticket_id AND attempt.type = 'ATTEMPT_RECORDED'
               AND attempt.actor = h.to_owner AND attempt.at >= h.escalated_at
          LEFT JOIN audit_event resolution ON resolution.ticket_id = h.ticket_id AND resolution.type = 'RESOLVED'
               AND resolution.actor = h.to_owner AND resolution.at >= h.escalated_at
          LEFT JOIN audit_event pause ON pause.ticket_id = h.ticket_id AND pause.type = 'WAITING_ON_CUSTOMER'
               AND pause.at >= h.escalated_at
          GROUP BY h.id, h.next_at) x ON x.id = target.id
SET target.first_response_at = x.first_action_at
WHERE x.first_action_at < COALESCE(x.next_at, TIMESTAMP'9999-12-31 00:00:00');

-- The metrics indexes, each covering its queries: the tickets opened in a window with every ticket
-- column the metrics read; the escalations of the tickets opened in a window.
DROP INDEX ticket_opened_metrics ON ticket;
CREATE INDEX ticket_opened_metrics
    ON ticket (opened_at, status, tier, escalation_count, reescalation_count, resolved_at, first_escalated_at, escalated_to_tier_at);

CREATE INDEX escalation_opened_metrics
    ON escalation (ticket_opened_at, to_owner, reescalation, ticket_id, escalated_at, first_response_at);

-- The lookups per ticket that the metrics no longer make: V8's escalation into a tier, V2's owner
-- action per handoff (FirstResponses reads a ticket's trail from its handoff on, by audit_by_ticket).
DROP INDEX escalation_metrics ON escalation;
DROP INDEX audit_owner_action ON audit_event;
