-- Issue 14: the Prometheus gauges count open tickets by tier and status and pending notifications by
-- channel on every scrape (at most every escalation.prometheus.gauge-max-age); these make both
-- counts index-only.
CREATE INDEX ticket_by_status_tier ON ticket (status, tier);
CREATE INDEX notification_backlog ON notification (status, channel);
