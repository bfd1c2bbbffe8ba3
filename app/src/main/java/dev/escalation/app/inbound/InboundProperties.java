package dev.escalation.app.inbound;

import dev.escalation.workers.ticket.Category;
import dev.escalation.workers.ticket.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a customer's first message on a channel opens a ticket ({@code escalation.inbound.*}). Triage
 * and the criteria table then run on the message as on any new ticket and may raise the priority.
 *
 * @param priority the priority a ticket opened by a message starts with (default P3)
 * @param category its category (default OTHER)
 * @param language the customer's language when the channel does not tell it; empty (the default): unknown
 *     until triage or the translation service detects it in the customer's writing (notices are in
 *     English until then)
 */
@ConfigurationProperties("escalation.inbound")
public record InboundProperties(Priority priority, Category category, String language) {
  public InboundProperties {
    priority = priority == null ? Priority.P3 : priority;
    category = category == null ? Category.OTHER : category;
    language = language == null ? "" : language.strip();
  }
}
