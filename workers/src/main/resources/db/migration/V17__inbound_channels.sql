-- C1: every inbound message, on any channel, once. The unique key on the provider's message id makes a
-- webhook delivered twice (or two deliveries racing) give one message.
CREATE TABLE inbound_message (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel              VARCHAR(16)   NOT NULL,             -- email, chat, whatsapp, telegram, instagram
    provider_message_id  VARCHAR(255)  NOT NULL,
    sender               VARCHAR(320)  NOT NULL,             -- the address on that channel (mail address, chat id, phone number, scoped id)
    outcome              VARCHAR(24)   NOT NULL,             -- RECEIVED (being handled), OPENED, THREADED, AUTO_REPLY_IGNORED
    ticket_id            BIGINT        NULL REFERENCES ticket (id),
    ticket_message_id    BIGINT        NULL REFERENCES ticket_message (id),
    received_at          DATETIME(6)   NOT NULL,
    UNIQUE KEY inbound_once (channel, provider_message_id),
    INDEX inbound_by_ticket (ticket_id)
);

-- C1: attachments are recorded by name, type and size (their content is not stored).
CREATE TABLE inbound_attachment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    inbound_message_id  BIGINT        NOT NULL REFERENCES inbound_message (id),
    ticket_id           BIGINT        NOT NULL REFERENCES ticket (id),
    name                VARCHAR(255)  NOT NULL,
    content_type        VARCHAR(255)  NOT NULL,
    size_bytes          BIGINT        NOT NULL,
    INDEX attachment_by_ticket (ticket_id)
);

-- C1/C2: who a ticket talks to on a messaging channel, and when they last wrote (WhatsApp's 24-hour window).
CREATE TABLE conversation (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id        BIGINT        NOT NULL REFERENCES ticket (id),
    channel          VARCHAR(16)   NOT NULL,
    address          VARCHAR(320)  NOT NULL,
    display_name     VARCHAR(200)  NOT NULL,
    last_inbound_at  DATETIME(6)   NOT NULL,
    UNIQUE KEY conversation_of_ticket (ticket_id, channel),
    INDEX conversation_by_address (channel, address)
);
