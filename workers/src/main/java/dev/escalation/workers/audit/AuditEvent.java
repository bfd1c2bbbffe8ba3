package dev.escalation.workers.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One append-only line of the audit trail; the database refuses updates and deletes. */
@Table("audit_event")
public record AuditEvent(@Id Long id, Long ticketId, Instant at, AuditEventType type, String actor, String detail) {}
