-- S3: the next-reply clock of a ticket: the owner answers the customer's latest message within the applied SLA
-- policy row's nextReplyTarget. One row per ticket that ever had one (no row: NONE). Its own table, so the ticket
-- row (and its optimistic-lock version) is not written by a customer message.
CREATE TABLE next_reply_clock (
    ticket_id          BIGINT       NOT NULL PRIMARY KEY REFERENCES ticket (id),
    state              VARCHAR(16)  NOT NULL,  -- RUNNING, PAUSED, MET, BREACHED; NOT_STARTED: a priority change ended the promise
    started_at         DATETIME(6)  NOT NULL,
    due_at             DATETIME(6)  NULL,      -- null while PAUSED
    warning_at         DATETIME(6)  NULL,
    remaining_seconds  BIGINT       NULL,      -- business time left while PAUSED
    clock_number       INT          NOT NULL,  -- the how-manieth next-reply clock of the ticket: keys its warnings
    updated_at         DATETIME(6)  NOT NULL
);
