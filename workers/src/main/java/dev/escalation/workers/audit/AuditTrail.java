package dev.escalation.workers.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Appends to the audit trail. Callers run inside the transaction of the change they record. */
@Service
public class AuditTrail {
  public static final String SYSTEM = "system";

  private final AuditEventRepository events;
  private final Clock clock;

  AuditTrail(AuditEventRepository events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  public void record(Long ticketId, AuditEventType type, String actor, String detail) {
    events.save(new AuditEvent(null, ticketId, clock.instant(), type, actor, detail));
  }

  public List<AuditEvent> timeline(long ticketId) {
    return events.timeline(ticketId);
  }
}
