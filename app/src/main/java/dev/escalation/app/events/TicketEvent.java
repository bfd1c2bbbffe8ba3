package dev.escalation.app.events;

import java.time.Instant;

/**
 * W4: one change of a ticket, as the stream sends it: the ticket, what changed (the audit trail's
 * entry type, such as {@code OWNER_ASSIGNED} or {@code SLA_BREACHED}), when, by whom. The entry's
 * detail is not sent: the ticket's page reads it through the API.
 */
record TicketEvent(long id, long ticketId, String type, String actor, Instant at) {}
