-- Texts that hold what customers write, or a whole ticket history, can exceed TEXT's 64 KiB
-- (a 20,000-character description is up to 80 KB in utf8mb4; a new owner's mail holds the
-- description, the conversation, attempts and notes). MEDIUMTEXT holds 16 MiB.
ALTER TABLE ticket MODIFY description MEDIUMTEXT NOT NULL;
ALTER TABLE ticket_message MODIFY body MEDIUMTEXT NOT NULL;
ALTER TABLE audit_event MODIFY detail MEDIUMTEXT NOT NULL;
ALTER TABLE notification MODIFY body MEDIUMTEXT NOT NULL;
