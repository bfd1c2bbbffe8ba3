-- C3: staff-only notes on a ticket (escalation codes, suspicions). Nothing that writes to a customer reads this table.
CREATE TABLE internal_note (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT        NOT NULL REFERENCES ticket (id),
    author      VARCHAR(64)   NOT NULL,
    text        TEXT          NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    INDEX internal_note_by_ticket (ticket_id, id)
);
