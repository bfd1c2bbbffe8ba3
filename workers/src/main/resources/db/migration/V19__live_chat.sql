-- Live chat (issue 12, C1-C4): a customer's chat, known to the customer only by its public id (inside the signed
-- conversation token), and its transcript: what the chat page shows, nothing else.
CREATE TABLE chat_conversation (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    public_id       VARCHAR(36)   NOT NULL,             -- random UUID; the address of the chat in table conversation
    customer_name   VARCHAR(200)  NOT NULL,
    customer_email  VARCHAR(320)  NOT NULL,
    language        VARCHAR(8)    NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    UNIQUE KEY chat_by_public_id (public_id)
);

-- C3: only what the customer may see is ever written here: their messages, the agents' replies and the notices
-- delivered on the chat channel. No note, attempt or audit detail has a way in.
CREATE TABLE chat_entry (
    id                 BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,   -- the stream's event id
    conversation_id    BIGINT         NOT NULL REFERENCES chat_conversation (id),
    ticket_id          BIGINT         NOT NULL REFERENCES ticket (id),
    kind               VARCHAR(16)    NOT NULL,             -- CUSTOMER, AGENT, NOTICE, HANDOVER
    author             VARCHAR(200)   NOT NULL,             -- display name only
    text               TEXT           NOT NULL,
    client_message_id  VARCHAR(64)    NULL,                 -- the customer's own id of a message: a retried send is one entry
    notification_id    BIGINT         NULL,                 -- the outbox row delivered here: a redelivery is one entry
    handover_owner     VARCHAR(200)   NULL,                 -- C4: who took over, at which tier, by when
    handover_tier      INT            NULL,
    handover_due_at    DATETIME(6)    NULL,
    handover_due_text  VARCHAR(100)   NULL,                 -- the due time as the customer's language writes it
    created_at         DATETIME(6)    NOT NULL,
    UNIQUE KEY chat_entry_once (conversation_id, client_message_id),
    UNIQUE KEY chat_notice_once (notification_id),
    INDEX chat_entry_by_conversation (conversation_id, id)
);
