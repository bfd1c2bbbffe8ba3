-- S2: named support calendars. A WEEKLY calendar is one team's hours in its zone; a UNION
-- (follow-the-sun) works whenever any of its members works. 'business-hours' (from
-- escalation.sla.calendar.*) and '24x7' are inserted at startup by calendar.CalendarSeed, because
-- the first one comes from configuration.
CREATE TABLE support_calendar (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)   NOT NULL,
    kind          VARCHAR(16)   NOT NULL,               -- WEEKLY or UNION
    zone          VARCHAR(64)   NULL,                   -- WEEKLY only
    working_days  VARCHAR(100)  NULL,                   -- WEEKLY only: MONDAY,TUESDAY,...
    opens_at      CHAR(5)       NULL,                   -- WEEKLY only: HH:MM
    closes_at     CHAR(5)       NULL,                   -- WEEKLY only: HH:MM, 24:00 = end of the day
    updated_at    DATETIME(6)   NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT support_calendar_name UNIQUE (name)
);

CREATE TABLE support_calendar_member (
    union_id      BIGINT        NOT NULL,
    member_id     BIGINT        NOT NULL,
    position      INT           NOT NULL,
    PRIMARY KEY (union_id, member_id),
    CONSTRAINT member_of_union FOREIGN KEY (union_id) REFERENCES support_calendar (id),
    CONSTRAINT member_calendar FOREIGN KEY (member_id) REFERENCES support_calendar (id)
);

CREATE TABLE support_calendar_holiday (
    calendar_id   BIGINT        NOT NULL,
    day           DATE          NOT NULL,
    name          VARCHAR(200)  NULL,
    PRIMARY KEY (calendar_id, day),
    CONSTRAINT holiday_calendar FOREIGN KEY (calendar_id) REFERENCES support_calendar (id)
);
