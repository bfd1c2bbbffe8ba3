-- A1/A2 refund requests, the human-task inbox (job-worker-based user tasks) and A3 escalation reviews.

CREATE TABLE refund_request (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id           BIGINT        NOT NULL REFERENCES ticket (id),
    amount              DECIMAL(15,2) NOT NULL,
    currency            CHAR(3)       NOT NULL,                 -- ISO 4217, upper case
    reason              TEXT          NOT NULL,
    payment_intent      VARCHAR(255)  NULL,                     -- the customer's payment at the provider (pi_...)
    requested_by        VARCHAR(64)   NOT NULL,
    requester_role      VARCHAR(32)   NOT NULL,
    status              VARCHAR(32)   NOT NULL,                 -- REQUESTED, PENDING_APPROVAL, APPROVED, REJECTED, ISSUED
    decided_by          VARCHAR(64)   NULL,
    decision_comment    TEXT          NULL,
    decided_at          DATETIME(6)   NULL,
    provider_refund_id  VARCHAR(255)  NULL,
    issued_at           DATETIME(6)   NULL,
    requested_at        DATETIME(6)   NOT NULL,
    INDEX refund_by_ticket (ticket_id, id),
    INDEX refund_by_status (status)
);

-- The manager inbox. One row per user-task job (io.camunda.zeebe:userTask); the id is the job key,
-- the same id Tasklist (V1 mode) shows, so a task completed there is the same task here.
CREATE TABLE human_task (
    id                    BIGINT        NOT NULL PRIMARY KEY,   -- the job key
    kind                  VARCHAR(32)   NOT NULL,               -- REFUND_APPROVAL, ESCALATION_REVIEW
    element_id            VARCHAR(100)  NOT NULL,
    name                  VARCHAR(200)  NOT NULL,
    process_instance_key  BIGINT        NOT NULL,
    ticket_id             BIGINT        NULL,
    subject_id            BIGINT        NOT NULL,               -- refund_request.id or escalation_review.id
    candidate_groups      VARCHAR(300)  NOT NULL,               -- comma separated
    form_key              VARCHAR(100)  NULL,
    status                VARCHAR(16)   NOT NULL,               -- OPEN, COMPLETING, COMPLETED, SUPERSEDED, GONE
    claimed_by            VARCHAR(64)   NULL,
    claimed_at            DATETIME(6)   NULL,
    completed_by          VARCHAR(64)   NULL,
    completed_at          DATETIME(6)   NULL,
    created_at            DATETIME(6)   NOT NULL,
    INDEX human_task_by_status (status, created_at),
    INDEX human_task_by_subject (kind, subject_id)
);

-- A3: one review per resolution of an escalated ticket; the answers feed reporting.
CREATE TABLE escalation_review (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id              BIGINT        NOT NULL REFERENCES ticket (id),
    resolution_number      INT           NOT NULL,              -- 0 for the first resolution, +1 per reopen
    escalation_count       INT           NOT NULL,
    status                 VARCHAR(16)   NOT NULL,              -- PENDING, DONE
    reviewer               VARCHAR(64)   NULL,
    avoidable              BOOLEAN       NULL,
    root_cause             VARCHAR(32)   NULL,
    what_would_have_helped TEXT          NULL,
    requested_at           DATETIME(6)   NOT NULL,
    reviewed_at            DATETIME(6)   NULL,
    UNIQUE KEY review_once (ticket_id, resolution_number),
    INDEX review_by_time (reviewed_at)
);
