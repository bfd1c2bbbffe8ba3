-- Issue 14: customer surveys (M5), the overrides review (M7), escalation-rate alerts once per crossing
-- (M8) and the managers' weekly digest.

-- M5: one survey per resolution of a ticket (resolution_number: the ticket's reescalation_count when it
-- was resolved, so a reopened and resolved again ticket asks again). The tier, group, escalation type and
-- channel are those of the resolution, kept for the satisfaction figures; ticket_opened_at is the cohort
-- the figures count the survey in, as M1-M4 count tickets.
CREATE TABLE survey (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id          BIGINT       NOT NULL REFERENCES ticket (id),
    resolution_number  INT          NOT NULL,
    ticket_opened_at   DATETIME(6)  NOT NULL,
    resolved_tier      INT          NOT NULL,
    resolved_by        VARCHAR(64)  NULL,
    skill_group        VARCHAR(64)  NULL,                 -- the ticket's tier 2 group (criteria's or category's)
    escalation_type    VARCHAR(16)  NOT NULL,             -- the last escalation's: FUNCTIONAL, HIERARCHICAL; NONE
    channel            VARCHAR(32)  NOT NULL,
    sent_at            DATETIME(6)  NOT NULL,
    expires_at         DATETIME(6)  NOT NULL,
    rating             INT          NULL,                 -- 1..5 once answered
    comment            TEXT         NULL,
    answered_at        DATETIME(6)  NULL,
    UNIQUE KEY survey_once (ticket_id, resolution_number),
    INDEX survey_by_cohort (ticket_opened_at)
);

-- M7: the review of a RULE_OVERRIDDEN audit entry (the audit trail itself stays append-only).
CREATE TABLE override_review (
    audit_event_id  BIGINT       NOT NULL PRIMARY KEY REFERENCES audit_event (id),
    reviewed_by     VARCHAR(64)  NOT NULL,
    reviewed_at     DATETIME(6)  NOT NULL,
    note            TEXT         NOT NULL
);

CREATE INDEX audit_by_type ON audit_event (type, at);

-- M8: whether the escalation rate is above the threshold, as last checked. One row; the check locks it,
-- so with several replicas exactly one of them sees a crossing and tells the managers.
CREATE TABLE escalation_rate_state (
    id          INT          NOT NULL PRIMARY KEY,
    above       BOOLEAN      NOT NULL,
    changed_at  DATETIME(6)  NULL,
    checked_at  DATETIME(6)  NULL
);
INSERT INTO escalation_rate_state (id, above) VALUES (1, FALSE);

-- M8: every crossing, up (ABOVE: the managers were told) and down (BELOW: recorded only).
CREATE TABLE escalation_rate_crossing (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    direction          VARCHAR(8)   NOT NULL,             -- ABOVE, BELOW
    crossed_at         DATETIME(6)  NOT NULL,
    window_from        DATETIME(6)  NOT NULL,
    window_to          DATETIME(6)  NOT NULL,
    tickets_opened     BIGINT       NOT NULL,
    tickets_escalated  BIGINT       NOT NULL,
    rate               DOUBLE       NULL,
    threshold          DOUBLE       NOT NULL
);

-- The weekly digest: one row per week (its Monday in the support calendar's zone) once it was sent.
CREATE TABLE weekly_digest (
    week_start  DATE         NOT NULL PRIMARY KEY,
    sent_at     DATETIME(6)  NOT NULL
);
