package dev.escalation.workers.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.testsupport.LedgerTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@LedgerTest
class AuditTrailTest {
  @Autowired AuditTrail audit;
  @Autowired AuditEventRepository events;
  @Autowired JdbcClient jdbc;

  @Test
  void recordsInOrderWithTheExactInstantWhateverTheJvmZone() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
    audit.record(4711L, AuditEventType.TICKET_OPENED, "agent1", "opened");
    audit.record(4711L, AuditEventType.OWNER_ASSIGNED, AuditTrail.SYSTEM, "assigned");

    var timeline = audit.timeline(4711L);
    assertThat(timeline).extracting(AuditEvent::type).containsExactly(AuditEventType.TICKET_OPENED, AuditEventType.OWNER_ASSIGNED);
    assertThat(timeline.get(0).at()).isBetween(before, Instant.now());
    String stored = jdbc.sql("SELECT DATE_FORMAT(at, '%Y-%m-%dT%H:%i') FROM audit_event WHERE id = ?")
        .param(timeline.get(0).id()).query(String.class).single();
    assertThat(stored).as("stored in UTC").isEqualTo(timeline.get(0).at().toString().substring(0, 16));
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteTheTrail() {
    audit.record(4712L, AuditEventType.TICKET_OPENED, "agent1", "opened");
    long id = audit.timeline(4712L).get(0).id();

    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = 'rewritten' WHERE id = ?").param(id).update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
        .hasMessageContaining("append-only");
    assertThat(events.findById(id)).get().extracting(AuditEvent::detail).isEqualTo("opened");
  }
}
