-- The escalation ledger. All times are UTC (DATETIME(6)).

CREATE TABLE roster_member (
    username          VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name      VARCHAR(200) NOT NULL,
    email             VARCHAR(320) NOT NULL,
    role              VARCHAR(32)  NOT NULL,            -- AGENT, SPECIALIST, MANAGER, HEAD_OF_SUPPORT
    tier              INT          NOT NULL,            -- 1 frontline, 2 specialist, 3 management; head of support 4
    skill_group       VARCHAR(64)  NULL,                -- tier 2 specialist group: billing, technical, security-privacy
    available         BOOLEAN      NOT NULL DEFAULT TRUE,
    on_duty           BOOLEAN      NOT NULL DEFAULT FALSE,
    last_assigned_at  DATETIME(6)  NULL,
    version           INT          NOT NULL DEFAULT 0,
    INDEX roster_by_tier (tier, skill_group, available)
);

CREATE TABLE ticket (
    id                          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    version                     INT           NOT NULL DEFAULT 0,
    customer_name               VARCHAR(200)  NOT NULL,
    customer_email              VARCHAR(320)  NOT NULL,
    customer_language           VARCHAR(16)   NOT NULL,
    customer_vip                BOOLEAN       NOT NULL DEFAULT FALSE,
    customer_annual_revenue     DECIMAL(15,2) NULL,
    channel                     VARCHAR(32)   NOT NULL,
    subject                     VARCHAR(200)  NOT NULL,
    description                 TEXT          NOT NULL,
    priority                    VARCHAR(2)    NOT NULL,
    category                    VARCHAR(16)   NOT NULL,
    status                      VARCHAR(32)   NOT NULL,  -- OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED
    tier                        INT           NOT NULL,
    max_tier                    INT           NOT NULL,
    owner_username              VARCHAR(64)   NULL REFERENCES roster_member (username),
    response_clock              VARCHAR(16)   NOT NULL,  -- NOT_STARTED, RUNNING, PAUSED, MET, BREACHED
    response_due_at             DATETIME(6)   NULL,
    response_remaining_seconds  BIGINT        NULL,
    resolution_clock            VARCHAR(16)   NOT NULL,
    resolution_due_at           DATETIME(6)   NULL,
    resolution_remaining_seconds BIGINT       NULL,
    clock_epoch                 INT           NOT NULL DEFAULT 0,
    escalation_count            INT           NOT NULL DEFAULT 0,
    reescalation_count          INT           NOT NULL DEFAULT 0,
    process_instance_key        BIGINT        NULL,
    opened_at                   DATETIME(6)   NOT NULL,
    resolved_at                 DATETIME(6)   NULL,
    closed_at                   DATETIME(6)   NULL,
    INDEX ticket_by_owner (owner_username, status),
    INDEX ticket_by_status (status, opened_at)
);

CREATE TABLE handoff_note (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id        BIGINT       NOT NULL REFERENCES ticket (id),
    author           VARCHAR(64)  NOT NULL,             -- a username, or "system" for automatic notes
    automatic        BOOLEAN      NOT NULL,
    escalation_type  VARCHAR(16)  NOT NULL,
    summary          TEXT         NOT NULL,
    attempted        TEXT         NOT NULL,
    need             TEXT         NOT NULL,
    override_reason  TEXT         NULL,
    created_at       DATETIME(6)  NOT NULL,
    INDEX handoff_by_ticket (ticket_id)
);

CREATE TABLE escalation (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id        BIGINT       NOT NULL REFERENCES ticket (id),
    handoff_note_id  BIGINT       NOT NULL REFERENCES handoff_note (id),
    escalation_type  VARCHAR(16)  NOT NULL,              -- FUNCTIONAL, HIERARCHICAL
    cause            VARCHAR(32)  NOT NULL,              -- MANUAL, RESPONSE_SLA_BREACHED, RESOLUTION_SLA_BREACHED
    from_tier        INT          NOT NULL,
    to_tier          INT          NOT NULL,
    from_owner       VARCHAR(64)  NULL,
    to_owner         VARCHAR(64)  NULL,
    reescalation     BOOLEAN      NOT NULL DEFAULT FALSE,
    escalated_at     DATETIME(6)  NOT NULL,
    INDEX escalation_by_ticket (ticket_id, escalated_at)
);

CREATE TABLE resolution_attempt (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT       NOT NULL REFERENCES ticket (id),
    tier        INT          NOT NULL,
    author      VARCHAR(64)  NOT NULL,
    note        TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    INDEX attempt_by_ticket (ticket_id, tier)
);

-- The conversation: what the customer wrote and what support asked or answered.
CREATE TABLE ticket_message (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT       NOT NULL REFERENCES ticket (id),
    direction   VARCHAR(16)  NOT NULL,                   -- FROM_CUSTOMER, TO_CUSTOMER
    author      VARCHAR(200) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    INDEX message_by_ticket (ticket_id, created_at)
);

-- H6: append-only. The triggers below refuse UPDATE and DELETE.
CREATE TABLE audit_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT       NULL,
    at          DATETIME(6)  NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    detail      TEXT         NOT NULL,
    INDEX audit_by_ticket (ticket_id, at, id)
);

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';

-- N1/N2 outbox: written in the transaction of the change that causes it, delivered afterwards.
CREATE TABLE notification (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    idempotency_key  VARCHAR(200)  NOT NULL,
    ticket_id        BIGINT        NULL,
    kind             VARCHAR(32)   NOT NULL,
    recipient        VARCHAR(320)  NOT NULL,
    recipient_name   VARCHAR(200)  NULL,
    channel          VARCHAR(32)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,              -- PENDING, SENT, FAILED, UNDELIVERABLE
    subject          VARCHAR(300)  NOT NULL,
    body             TEXT          NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)   NOT NULL,
    last_error       TEXT          NULL,
    created_at       DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6)   NULL,
    version          INT           NOT NULL DEFAULT 0,
    UNIQUE KEY notification_once (idempotency_key),
    INDEX notification_due (status, next_attempt_at),
    INDEX notification_by_ticket (ticket_id, id)
);

-- N4: one row per job whose effects were committed; a redelivered job finds its row and
-- returns the recorded result instead of acting again.
CREATE TABLE processed_job (
    job_key       BIGINT        NOT NULL PRIMARY KEY,
    job_type      VARCHAR(64)   NOT NULL,
    ticket_id     BIGINT        NULL,
    result        TEXT          NOT NULL,
    processed_at  DATETIME(6)   NOT NULL
);
