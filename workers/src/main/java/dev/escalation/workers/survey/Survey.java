package dev.escalation.workers.survey;

import java.time.Instant;

/** One survey (M5): the resolution it asks about and, once answered, the rating and comment. */
public record Survey(
    long id, long ticketId, int resolutionNumber, int resolvedTier, String resolvedBy, Instant expiresAt, Integer rating,
    String comment, Instant answeredAt) {

  public boolean answered() {
    return answeredAt != null;
  }
}
