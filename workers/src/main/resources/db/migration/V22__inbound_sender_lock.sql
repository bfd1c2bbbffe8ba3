-- C1: one row per sender on a channel, locked while that sender's message is handled, so two messages
-- arriving at once from a new sender (a customer often sends "Hi" and the question a second apart)
-- open one ticket, not two.
CREATE TABLE inbound_sender (
    channel  VARCHAR(16)   NOT NULL,
    address  VARCHAR(320)  NOT NULL,
    PRIMARY KEY (channel, address)
);
