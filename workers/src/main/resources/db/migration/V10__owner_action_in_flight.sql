-- Consistency under concurrency: an owner action is bound to the handoff it was made at.
-- handoff: how many times the ticket left its tier work for a new owner or tier (Ticket.escalateTo,
-- Ticket.handBackAfterReopen); every owner-action message carries the value it was made at, and the
-- process ignores (and records) one made at an earlier handoff.
-- action_in_flight*: the owner action (or reopening, or customer reply) the app accepted and the
-- process has not carried out yet; while it is set, the app refuses a second action with a 409.
ALTER TABLE ticket
    ADD COLUMN handoff                 INT          NOT NULL DEFAULT 0,
    ADD COLUMN action_in_flight        VARCHAR(32)  NULL,
    ADD COLUMN action_in_flight_by     VARCHAR(64)  NULL,
    ADD COLUMN action_in_flight_at     DATETIME(6)  NULL;
