package dev.escalation.workers.ticket;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * N1/C2: a customer whose channel did not tell their language (mail, WhatsApp) gets it from their own
 * writing, detected by triage or by the translation service; a language the ticket already has stays.
 * The version moves with it, so a stale copy of the ticket saved later fails instead of writing the
 * old, empty language back.
 */
@Component
public class CustomerLanguages {
  private final JdbcClient jdbc;

  CustomerLanguages(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** True when the ticket did not know the customer's language and now has {@code language}. */
  public boolean learn(long ticketId, String language) {
    return jdbc.sql("UPDATE ticket SET customer_language = ?, version = version + 1 WHERE id = ? AND customer_language = ''")
        .params(language, ticketId).update() == 1;
  }
}
