-- S1, S5: the SLA policy as a decision table. The customer's plan is one of its inputs; every
-- evaluation that started clocks is recorded with its row, targets, calendar and policy version,
-- so "which SLA applied and why" has an answer on every ticket (the latest row is the one in force).
ALTER TABLE ticket
    ADD COLUMN customer_plan VARCHAR(32) NULL;   -- null: the configured default plan (escalation.sla.plans.default-plan)

CREATE TABLE sla_policy_applied (
    id                        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id                 BIGINT        NOT NULL REFERENCES ticket (id),
    rule_id                   VARCHAR(100)  NOT NULL,
    reason                    TEXT          NULL,
    response_target           VARCHAR(32)   NOT NULL,   -- ISO-8601 durations
    resolution_target         VARCHAR(32)   NOT NULL,
    next_reply_target         VARCHAR(32)   NULL,
    calendar                  VARCHAR(64)   NOT NULL,
    warning_thresholds        VARCHAR(200)  NOT NULL,   -- comma-separated shares of the target, ascending
    notify_manager_on_breach  BOOLEAN       NOT NULL,
    process_definition_key    BIGINT        NOT NULL,   -- the deployment whose decision was evaluated (bindingType deployment)
    process_version           INT           NOT NULL,
    applied_at                DATETIME(6)   NOT NULL,
    INDEX sla_policy_by_ticket (ticket_id, id)
);
