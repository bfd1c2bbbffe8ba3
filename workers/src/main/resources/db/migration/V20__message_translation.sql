-- C2: translations of the conversation. A customer message (or the ticket's description, message_id 0)
-- translated into the team's language; an agent's reply as it was sent, translated into the customer's.
CREATE TABLE message_translation (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id        BIGINT        NOT NULL REFERENCES ticket (id),
    message_id       BIGINT        NOT NULL,                 -- ticket_message.id, or 0 for the ticket's description
    status           VARCHAR(16)   NOT NULL,                 -- PENDING, TRANSLATED, SAME_LANGUAGE, FAILED
    source_language  VARCHAR(16)   NULL,
    target_language  VARCHAR(16)   NOT NULL,
    text             TEXT          NULL,
    provider         VARCHAR(32)   NOT NULL,
    error            VARCHAR(1000) NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    translated_at    DATETIME(6)   NULL,
    UNIQUE KEY message_translation_once (ticket_id, message_id),
    INDEX message_translation_due (status, next_attempt_at)
);
