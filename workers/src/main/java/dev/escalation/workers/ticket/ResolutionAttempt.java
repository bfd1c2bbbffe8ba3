package dev.escalation.workers.ticket;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** What an owner tried to resolve the ticket (T8 counts these per tier). */
@Table("resolution_attempt")
public record ResolutionAttempt(@Id Long id, long ticketId, int tier, String author, String note, Instant createdAt) {}
