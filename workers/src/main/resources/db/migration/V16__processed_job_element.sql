-- Issue 13, the ticket's process map: which BPMN element of which process each handled job belonged to,
-- so the app can mark the path a ticket took from its own ledger (also in embedded mode, without Operate).
-- Rows written before this migration keep NULLs and are simply not shown on the map.
ALTER TABLE processed_job
    ADD COLUMN bpmn_process_id         VARCHAR(128) NULL,
    ADD COLUMN element_id              VARCHAR(128) NULL,
    ADD COLUMN process_definition_key  BIGINT       NULL,
    ADD COLUMN process_instance_key    BIGINT       NULL,
    ADD INDEX processed_job_by_ticket (ticket_id, bpmn_process_id);
