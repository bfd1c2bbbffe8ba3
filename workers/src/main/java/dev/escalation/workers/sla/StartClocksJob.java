package dev.escalation.workers.sla;

import dev.escalation.processes.TicketEscalation.AssignmentReasons;
import java.util.Map;

/**
 * Variables of start-sla-clocks: the ticket, the result of the SLA policy table (null before it was
 * deployed) and why the clocks (re)start ({@code PRIORITY_CHANGED}: they go on with the time spent, S4).
 */
record StartClocksJob(long ticketId, Map<String, Object> slaPolicy, String assignmentReason) {

  boolean priorityChanged() {
    return AssignmentReasons.PRIORITY_CHANGED.equals(assignmentReason);
  }
}
