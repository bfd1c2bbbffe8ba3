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
