-- Resolution time by tier looks up "the latest escalation into this tier before the resolution":
-- ticket_id, to_tier, then escalated_at. V2's index put escalated_at before to_tier, which serves
-- only the first escalation; the first escalation (MIN over a ticket's rows) is served by either order.
DROP INDEX escalation_metrics ON escalation;
CREATE INDEX escalation_metrics
    ON escalation (ticket_id, to_tier, escalated_at, reescalation, to_owner);
