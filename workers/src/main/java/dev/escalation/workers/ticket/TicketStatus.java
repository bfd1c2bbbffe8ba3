package dev.escalation.workers.ticket;

public enum TicketStatus {
  OPEN,
  WAITING_ON_CUSTOMER,
  RESOLVED,
  CLOSED
}
