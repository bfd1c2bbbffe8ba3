package dev.escalation.workers.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a ticket learns about its customer after it was opened, where it did not know it: the
 * language (N1/C2) detected in their writing by triage or the translation service when the channel
 * did not tell it (mail, WhatsApp), and the e-mail address a live chat asked for. A detail the ticket
 * already has stays. The version moves with it, so a stale copy of the ticket saved later fails
 * instead of writing the old, empty value back.
 */
@Component
public class CustomerDetails {
  private final JdbcClient jdbc;

  CustomerDetails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when the ticket did not know the customer's language and now has {@code language}. */
  public boolean learnLanguage(long ticketId, String language) {
    return jdbc.sql("UPDATE ticket SET customer_language = ?, version = version + 1 WHERE id = ? AND customer_language = ''")
        .params(language, ticketId).update() == 1;
  }

  /** True when the ticket had no e-mail address for its customer and now has {@code email}. */
  public boolean learnEmail(long ticketId, String email) {
    return jdbc.sql("UPDATE ticket SET customer_email = ?, version = version + 1 WHERE id = ? AND customer_email = ''")
        .params(email, ticketId).update() == 1;
  }
}
