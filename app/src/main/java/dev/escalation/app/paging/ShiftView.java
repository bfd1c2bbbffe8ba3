package dev.escalation.app.paging;

import dev.escalation.workers.paging.OnCallShift;
import java.time.Instant;

/** N2: an on-call shift as the API shows it. */
record ShiftView(long id, String username, Instant startsAt, Instant endsAt, int escalationOrder) {

  static ShiftView of(OnCallShift s) {
    return new ShiftView(s.id(), s.username(), s.startsAt(), s.endsAt(), s.escalationOrder());
  }
}
