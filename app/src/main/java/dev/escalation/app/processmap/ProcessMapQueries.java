package dev.escalation.app.processmap;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger rows the process map is drawn from: the ticket's state and the jobs handled for it. */
@Component
class ProcessMapQueries {
  private final JdbcClient jdbc;

  ProcessMapQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record TicketState(String status, String responseClock, Long processInstanceKey, boolean devTaskOpen) {}

  record JobElements(List<String> elementIds, Long processDefinitionKey) {}

  Optional<TicketState> ticket(long ticketId) {
    return jdbc.sql("""
            SELECT t.status, t.response_clock, t.process_instance_key,
                   EXISTS (SELECT 1 FROM dev_task d WHERE d.ticket_id = t.id AND d.state = 'OPEN') AS dev_task_open
            FROM ticket t WHERE t.id = ?""")
        .param(ticketId)
        .query((rs, n) -> new TicketState(rs.getString("status"), rs.getString("response_clock"),
            (Long) rs.getObject("process_instance_key", Long.class), rs.getBoolean("dev_task_open")))
        .optional();
  }

  /** The elements of the ticket's own process instance whose jobs the app handled, and that instance's definition. */
  JobElements jobElements(long ticketId, String bpmnProcessId) {
    List<String> ids = jdbc.sql("""
            SELECT DISTINCT element_id FROM processed_job
            WHERE ticket_id = ? AND bpmn_process_id = ? AND element_id IS NOT NULL""")
        .params(ticketId, bpmnProcessId).query(String.class).list();
    Long definition = jdbc.sql("""
            SELECT process_definition_key FROM processed_job
            WHERE ticket_id = ? AND bpmn_process_id = ? AND process_definition_key IS NOT NULL
            ORDER BY processed_at DESC LIMIT 1""")
        .params(ticketId, bpmnProcessId).query(Long.class).optional().orElse(null);
    return new JobElements(ids, definition);
  }
}
