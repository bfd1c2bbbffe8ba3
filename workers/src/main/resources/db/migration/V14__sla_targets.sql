-- M9 SLA compliance: one row per SLA target a ticket's clocks set, that is per clock (RESPONSE,
-- RESOLUTION) and per clock period (ticket.clock_epoch: the clocks restart at every handoff and
-- reopening). SlaTargets stamps it whenever a ticket is saved, from the ticket's own clock state,
-- so a target is met or breached exactly when the clock says so: paused time (T6) is excluded the
-- way the clock excludes it, by the due date the resume computed from the time that was left.
-- state: RUNNING, PAUSED, MET, BREACHED, or SUPERSEDED (a new clock period began while this one was
-- still running or paused: a handoff or reopening ended it before it was met or breached).
CREATE TABLE sla_target (
    ticket_id       BIGINT       NOT NULL REFERENCES ticket (id),
    epoch           INT          NOT NULL,
    clock           VARCHAR(16)  NOT NULL,
    priority        VARCHAR(2)   NOT NULL,
    tier            INT          NOT NULL,
    skill_group     VARCHAR(64)  NULL,                  -- the ticket's target group, else its category's group
    channel         VARCHAR(32)  NOT NULL,
    owner_username  VARCHAR(64)  NULL,
    started_at      DATETIME(6)  NOT NULL,
    due_at          DATETIME(6)  NULL,
    state           VARCHAR(16)  NOT NULL,
    ended_at        DATETIME(6)  NULL,                  -- when it was met, breached or superseded
    PRIMARY KEY (ticket_id, epoch, clock),
    INDEX sla_target_started (started_at, clock, state)
);

-- Backfill: only the clock period each ticket is in now (its earlier periods were not recorded as
-- such; their breaches stay in the audit trail). Started at the latest SLA_CLOCKS_STARTED; a breach
-- ends at the latest SLA_BREACHED of its clock; a met target's moment is not known (ended_at null).
-- skill_group: the target group when the criteria set one (the category's group is configuration,
-- not data, so backfilled rows without a target group have none).
INSERT INTO sla_target (ticket_id, epoch, clock, priority, tier, skill_group, channel, owner_username, started_at, due_at, state, ended_at)
SELECT t.id, t.clock_epoch, c.clock, t.priority, t.tier, t.target_group, t.channel, t.owner_username,
       COALESCE((SELECT MAX(a.at) FROM audit_event a WHERE a.ticket_id = t.id AND a.type = 'SLA_CLOCKS_STARTED'), t.opened_at),
       IF(c.clock = 'RESPONSE', t.response_due_at, t.resolution_due_at),
       IF(c.clock = 'RESPONSE', t.response_clock, t.resolution_clock),
       IF(IF(c.clock = 'RESPONSE', t.response_clock, t.resolution_clock) = 'BREACHED',
          (SELECT MAX(a.at) FROM audit_event a WHERE a.ticket_id = t.id AND a.type = 'SLA_BREACHED'
             AND a.detail LIKE CONCAT(LOWER(c.clock), ' %')), NULL)
FROM ticket t
CROSS JOIN (SELECT 'RESPONSE' AS clock UNION ALL SELECT 'RESOLUTION') c
WHERE t.clock_epoch > 0
  AND IF(c.clock = 'RESPONSE', t.response_clock, t.resolution_clock) <> 'NOT_STARTED';
