package dev.escalation.workers.handoff;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** H2: what happened, what was tried, and exactly what is needed from the next tier. */
@Table("handoff_note")
public record HandoffNote(
    @Id Long id,
    long ticketId,
    String author,
    boolean automatic,
    EscalationType escalationType,
    String summary,
    String attempted,
    String need,
    String overrideReason,
    Instant createdAt) {}
