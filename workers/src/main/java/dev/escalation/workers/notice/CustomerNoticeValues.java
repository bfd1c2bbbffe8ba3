package dev.escalation.workers.notice;

import dev.escalation.workers.ticket.Ticket;
import java.util.HashMap;
import java.util.Map;

/** The placeholders every customer notice has: the ticket number, the customer's name and the ticket's subject. */
public final class CustomerNoticeValues {
  private CustomerNoticeValues() {}

  /** The ticket's values plus the notice's own ones. */
  public static Map<String, String> of(Ticket ticket, Map<String, String> own) {
    Map<String, String> values = new HashMap<>(own);
    values.put("ticket", String.valueOf(ticket.id()));
    values.put("customer", ticket.customer().name());
    values.put("subject", ticket.subject());
    return values;
  }
}
