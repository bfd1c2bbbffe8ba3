package dev.escalation.app.queue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a queue page ended: the last item's place in the urgency order, and the moment the first
 * page was ranked at ({@code asOf}), so every page of one walk ranks paused clocks against the same
 * instant. Keyset, not offset: tickets that appear, change or leave between two pages never shift
 * the items that follow. Opaque to clients (base64url); a cursor that does not parse is a 400.
 *
 * @param effectiveDueAt when the item's nearer clock runs out (a paused clock: {@code asOf} + its time
 *     left); null for a ticket without a running or paused clock, which ranks after every timed one
 */
record QueueCursor(Instant asOf, int rank, Instant effectiveDueAt, String priority, long id) {
  private static final String VERSION = "q1";

  String encode() {
    String text = String.join("|", VERSION, micros(asOf), Integer.toString(rank),
        effectiveDueAt == null ? "-" : micros(effectiveDueAt), priority, Long.toString(id));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** The cursor a client sent back; IllegalArgumentException when it is not one this API made. */
  static QueueCursor decode(String token) {
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split("\\|", -1);
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("is not a cursor of this queue");
    }
    if (parts.length != 6 || !VERSION.equals(parts[0]) || !parts[4].matches("P[1-4]")) {
      throw new IllegalArgumentException("is not a cursor of this queue");
    }
    try {
      int rank = Integer.parseInt(parts[2]);
      long id = Long.parseLong(parts[5]);
      if (rank < 0 || rank > 1 || id < 1) {
        throw new IllegalArgumentException("is not a cursor of this queue");
      }
      return new QueueCursor(instant(parts[1]), rank, "-".equals(parts[3]) ? null : instant(parts[3]), parts[4], id);
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("is not a cursor of this queue");
    }
  }

  private static String micros(Instant at) {
    return Long.toString(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000));
  }

  private static Instant instant(String micros) {
    long value = Long.parseLong(micros);
    return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
  }
}
