-- Escalation criteria (T5, T7) and triage.

-- The tier 2 skill group the matched criteria chose (null: the category's group from escalation.routing).
ALTER TABLE ticket ADD COLUMN target_group VARCHAR(64) NULL;

-- One row per classified text: the ticket's own text (message_id null) and every later customer message.
CREATE TABLE triage_result (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id         BIGINT        NOT NULL REFERENCES ticket (id),
    message_id        BIGINT        NULL REFERENCES ticket_message (id),
    language          VARCHAR(8)    NULL,                -- ISO 639-1; null when it could not be told
    language_source   VARCHAR(16)   NOT NULL,            -- DETECTED, CUSTOMER_PROFILE
    sentiment_score   DOUBLE        NULL,                -- VADER compound in [-1, 1]; null when not scored
    sentiment_note    VARCHAR(200)  NOT NULL,            -- which model scored it, or why it was not scored
    churn_risk        BOOLEAN       NOT NULL,
    legal_risk        BOOLEAN       NOT NULL,
    bug_signal        BOOLEAN       NOT NULL,
    evidence          MEDIUMTEXT    NOT NULL,            -- the phrases and patterns that matched
    triaged_at        DATETIME(6)   NOT NULL,
    INDEX triage_by_ticket (ticket_id, id)
);

-- One row per evaluation of the escalation-criteria decision: which rule matched, why, on which inputs.
CREATE TABLE criteria_evaluation (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id         BIGINT        NOT NULL REFERENCES ticket (id),
    message_id        BIGINT        NULL,                -- set when a customer message caused the evaluation
    rule_id           VARCHAR(100)  NOT NULL,
    reason            TEXT          NOT NULL,
    inputs            MEDIUMTEXT    NOT NULL,            -- JSON object: the decision's inputs
    outputs           MEDIUMTEXT    NOT NULL,            -- JSON object: the decision's outputs
    evaluated_at      DATETIME(6)   NOT NULL,
    INDEX criteria_by_ticket (ticket_id, id)
);
