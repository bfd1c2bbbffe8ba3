-- Indexes for the escalation metrics (GET /api/metrics, EscalationMetrics in the app). Each covers
-- every column its query reads, so a 30-day window is an index range scan plus index-only lookups
-- per ticket, whatever the size of the ledger.

-- The cohort: tickets opened in the window, with every ticket column the metrics read.
CREATE INDEX ticket_opened_metrics
    ON ticket (opened_at, status, tier, escalation_count, reescalation_count, resolved_at);

-- A ticket's escalations: first escalation, escalation into a tier, re-escalations, the new owner.
CREATE INDEX escalation_metrics
    ON escalation (ticket_id, escalated_at, to_tier, reescalation, to_owner);

-- The new owner's first action after a handoff (ATTEMPT_RECORDED, RESOLVED, WAITING_ON_CUSTOMER).
CREATE INDEX audit_owner_action
    ON audit_event (ticket_id, type, actor, at);
