package dev.escalation.workers.handoff;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One handoff from a tier to a higher one. */
@Table("escalation")
public record Escalation(
    @Id Long id,
    long ticketId,
    long handoffNoteId,
    EscalationType escalationType,
    String cause,
    int fromTier,
    int toTier,
    String fromOwner,
    String toOwner,
    boolean reescalation,
    Instant escalatedAt) {

  public static final String MANUAL = "MANUAL";

  public Escalation handedTo(String owner) {
    return new Escalation(id, ticketId, handoffNoteId, escalationType, cause, fromTier, toTier, fromOwner, owner,
        reescalation, escalatedAt);
  }
}
