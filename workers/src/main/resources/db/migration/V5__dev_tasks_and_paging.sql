-- N3: one dev task per ticket in the dev team's tracker. The row is written before the tracker is
-- called (state CREATING: the intent), so a redelivered create-dev-task job knows it must look the
-- issue up before creating one (N4). Internal-tracker tasks live only here.
CREATE TABLE dev_task (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id     BIGINT        NOT NULL REFERENCES ticket (id),
    tracker       VARCHAR(16)   NOT NULL,                -- INTERNAL, GITHUB, JIRA
    task_key      VARCHAR(200)  NULL,                    -- owner/repo#12, SUP-7, DEV-3; null while CREATING
    url           VARCHAR(1000) NULL,
    state         VARCHAR(16)   NOT NULL,                -- CREATING, OPEN, CLOSED
    title         VARCHAR(300)  NOT NULL,
    description   MEDIUMTEXT    NOT NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    closed_at     DATETIME(6)   NULL,
    UNIQUE KEY dev_task_per_ticket (ticket_id),
    UNIQUE KEY dev_task_by_key (tracker, task_key)
);

-- N2: the on-call roster. Who is on call from/to, and in which order they are paged (1 first).
-- When no shift covers a moment, paging falls back to roster_member managers, on_duty first.
CREATE TABLE on_call_shift (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username          VARCHAR(64)  NOT NULL REFERENCES roster_member (username) ON DELETE CASCADE,
    starts_at         DATETIME(6)  NOT NULL,
    ends_at           DATETIME(6)  NOT NULL,
    escalation_order  INT          NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    INDEX on_call_at (starts_at, ends_at)
);

-- N2: one row per page of the on-duty manager. The id is the key of the job that asked for the page,
-- so a redelivered job finds its page instead of starting a second one (N4).
CREATE TABLE page (
    id                BIGINT       NOT NULL PRIMARY KEY,
    ticket_id         BIGINT       NOT NULL REFERENCES ticket (id),
    reason            VARCHAR(300) NOT NULL,
    severity          VARCHAR(16)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,             -- TRIGGERED, ACKNOWLEDGED, UNANSWERED
    attempts          INT          NOT NULL DEFAULT 0,
    current_username  VARCHAR(64)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    updated_at        DATETIME(6)  NOT NULL,
    acknowledged_at   DATETIME(6)  NULL,
    acknowledged_by   VARCHAR(64)  NULL,
    INDEX page_by_ticket (ticket_id, id)
);

CREATE TABLE page_attempt (
    page_id    BIGINT       NOT NULL REFERENCES page (id),
    attempt    INT          NOT NULL,
    username   VARCHAR(64)  NOT NULL,
    channel    VARCHAR(16)  NOT NULL,                    -- EMAIL, WEBHOOK, PAGERDUTY
    sent_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (page_id, attempt)
);
