package dev.escalation.workers.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail thread of a ticket. Every mail we send about ticket N answers the thread's anchor
 * {@code <ticket-N@DOMAIN>} (DOMAIN: that of escalation.outbox.from-address), so mail clients
 * that thread by {@code References} show one conversation per ticket, and a customer's reply, whose
 * {@code References} repeat ours, leads back to the ticket (C1). The anchor is never sent as a
 * mail of its own; clients thread on the id alone.
 */
@Component
public class MailThreads {
  private static final Pattern ANCHOR = Pattern.compile("<ticket-(\\d{1,18})@([^>\\s]+)>");
  private static final Pattern NOTIFICATION = Pattern.compile("<notification-(\\d{1,18})\\.[0-9a-f]+@[^>\\s]+>");

  private static final int MAX_CUSTOMER_REFERENCES = 8;

  private final NotificationRepository notifications;
  private final OutboxProperties properties;
  private final JdbcClient jdbc;

  MailThreads(NotificationRepository notifications, OutboxProperties properties, JdbcClient jdbc) {
    this.notifications = notifications;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /**
   * The headers of our next mail about the ticket: it answers the customer's latest mail when the
   * ticket has mail from them (so it shows under their own mail too), else the anchor; References
   * name the customer's first mail, their latest ones and the anchor.
   */
  public MailThread of(long ticketId) {
    String anchor = anchor(ticketId);
    List<String> customer = jdbc.sql("""
            SELECT provider_message_id FROM inbound_message
            WHERE channel = 'email' AND ticket_id = ? AND outcome IN ('OPENED', 'THREADED') ORDER BY id""")
        .param(ticketId)
        .query(String.class)
        .list();
    if (customer.isEmpty()) {
      return new MailThread(anchor, anchor);
    }
    List<String> references = new ArrayList<>();
    references.add(customer.get(0));
    references.add(anchor);
    customer.subList(Math.max(1, customer.size() - MAX_CUSTOMER_REFERENCES), customer.size()).forEach(references::add);
    return new MailThread(customer.get(customer.size() - 1), String.join(" ", references));
  }

  /** {@code <ticket-N@DOMAIN>}. */
  public String anchor(long ticketId) {
    return "<ticket-" + ticketId + "@" + domainOf(properties.fromAddress()) + ">";
  }

  /**
   * The ticket one of these Message-IDs (from In-Reply-To or References) belongs to when it is one
   * of ours: a thread anchor of our domain, or the Message-ID of a notification we sent.
   */
  public Optional<Long> ticketOf(Collection<String> messageIds) {
    String domain = domainOf(properties.fromAddress());
    for (String id : messageIds) {
      Matcher anchor = ANCHOR.matcher(id.strip());
      if (anchor.matches() && anchor.group(2).equalsIgnoreCase(domain)) {
        return Optional.of(Long.parseLong(anchor.group(1)));
      }
    }
    for (String id : messageIds) {
      Matcher notification = NOTIFICATION.matcher(id.strip());
      if (notification.matches()) {
        Optional<Long> ticket = notifications.findById(Long.parseLong(notification.group(1)))
            .filter(n -> n.ticketId() != null && EmailChannelAdapter.messageId(n, properties.fromAddress()).equals(id.strip()))
            .map(Notification::ticketId);
        if (ticket.isPresent()) {
          return ticket;
        }
      }
    }
    return Optional.empty();
  }

  static String domainOf(String fromAddress) {
    int at = fromAddress.lastIndexOf('@');
    return at >= 0 && at < fromAddress.length() - 1 ? fromAddress.substring(at + 1) : "escalation.local";
  }

  /** The threading headers of one mail. */
  public record MailThread(String inReplyTo, String references) {}
}
