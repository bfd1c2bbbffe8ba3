package dev.escalation.workers.audit;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface AuditEventRepository extends ListCrudRepository<AuditEvent, Long> {

  @Query("SELECT * FROM audit_event WHERE ticket_id = :ticketId ORDER BY at, id")
  List<AuditEvent> timeline(long ticketId);
}
