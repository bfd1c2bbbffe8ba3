-- W1 the queue (GET /api/queue, QueueQuery in the app): open tickets in urgency order, keyset-paged.
--
-- The warning instants of the running clocks (T4, 75 % of the time to breach), stamped with the due
-- dates by SlaClocks: a ticket is "at risk" once one of them has passed.
ALTER TABLE ticket
    ADD COLUMN response_warning_at   DATETIME(6) NULL AFTER response_due_at,
    ADD COLUMN resolution_warning_at DATETIME(6) NULL AFTER resolution_due_at;

-- The urgency of an open ticket as stored columns the queue's indexes are ordered by (NULL for a ticket
-- that is not open, so resolved and closed tickets are in no queue index range):
--   queue_rank      0 when a clock is breached, 1 otherwise (breached first);
--   queue_due_at    the nearer due date of the running clocks (its time left is due - now);
--   queue_left_s    the fewer seconds left of the paused clocks (time left does not run while paused);
--   queue_warn_at   the earlier warning instant of the running clocks.
-- A ticket has running clocks or paused ones, never both (Ticket.pause/resume move them together).
ALTER TABLE ticket
    ADD COLUMN queue_rank TINYINT AS (
        CASE WHEN status IN ('OPEN', 'WAITING_ON_CUSTOMER') THEN
            CASE WHEN response_clock = 'BREACHED' OR resolution_clock = 'BREACHED' THEN 0 ELSE 1 END
        END) PERSISTENT,
    ADD COLUMN queue_due_at DATETIME(6) AS (
        CASE WHEN status IN ('OPEN', 'WAITING_ON_CUSTOMER') THEN
            CASE WHEN response_clock = 'RUNNING' AND resolution_clock = 'RUNNING' THEN LEAST(response_due_at, resolution_due_at)
                 WHEN response_clock = 'RUNNING' THEN response_due_at
                 WHEN resolution_clock = 'RUNNING' THEN resolution_due_at
            END
        END) PERSISTENT,
    ADD COLUMN queue_left_s BIGINT AS (
        CASE WHEN status IN ('OPEN', 'WAITING_ON_CUSTOMER') THEN
            CASE WHEN response_clock = 'PAUSED' AND resolution_clock = 'PAUSED'
                      THEN LEAST(response_remaining_seconds, resolution_remaining_seconds)
                 WHEN response_clock = 'PAUSED' THEN response_remaining_seconds
                 WHEN resolution_clock = 'PAUSED' THEN resolution_remaining_seconds
            END
        END) PERSISTENT,
    ADD COLUMN queue_warn_at DATETIME(6) AS (
        CASE WHEN status IN ('OPEN', 'WAITING_ON_CUSTOMER') THEN
            CASE WHEN response_clock = 'RUNNING' AND resolution_clock = 'RUNNING'
                      THEN LEAST(COALESCE(response_warning_at, resolution_warning_at), COALESCE(resolution_warning_at, response_warning_at))
                 WHEN response_clock = 'RUNNING' THEN response_warning_at
                 WHEN resolution_clock = 'RUNNING' THEN resolution_warning_at
            END
        END) PERSISTENT;

-- One index per kind of time left, each in the queue's order (rank, time left, priority, id), followed by
-- every column a filter reads, so that filters are checked on the index entry (index condition pushdown)
-- and only the rows of the page are read from the table.
CREATE INDEX queue_running
    ON ticket (queue_rank, queue_due_at, priority, id, status, tier, channel, customer_vip, owner_username,
               target_group, category, queue_warn_at, queue_left_s);
CREATE INDEX queue_paused
    ON ticket (queue_rank, queue_left_s, priority, id, status, tier, channel, customer_vip, owner_username,
               target_group, category);

-- W2/W3: a grab or a reassignment is recorded with an automatic handoff note, which is no escalation,
-- so it has no escalation type (null; the note's summary says who took the ticket from whom).
ALTER TABLE handoff_note MODIFY escalation_type VARCHAR(16) NULL;
