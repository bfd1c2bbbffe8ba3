package dev.escalation.workers.handoff;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One handoff from a tier to a higher one. {@code ticketOpenedAt} is the ticket's opening, the cohort
 * the metrics count the handoff in. The new owner's first response is stamped on the row by
 * {@link FirstResponses} and not mapped here (saving this record leaves it as it is).
 */
@Table("escalation")
public record Escalation(
    @Id Long id,
    long ticketId,
    Instant ticketOpenedAt,
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
    return new Escalation(id, ticketId, ticketOpenedAt, handoffNoteId, escalationType, cause, fromTier, toTier, fromOwner, owner,
        reescalation, escalatedAt);
  }
}
