package dev.escalation.app.inbound;

import dev.escalation.app.ticket.TicketCommands;
import dev.escalation.workers.inbound.Conversations;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.inbound.InboundOutcome;
import dev.escalation.workers.inbound.SenderLocks;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.ticket.Customer;
import dev.escalation.workers.ticket.Ticket;
import dev.escalation.workers.ticket.TicketMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * C1 One inbound path: every channel's verified message comes through {@link #receive}. In one
 * transaction, one sender at a time: drop a redelivery (provider message id), find the sender's ticket or open a new one
 * through the same path as the API (so the process starts as for any ticket), record the message in
 * the conversation and the timeline, and run what a customer message runs (triage and criteria
 * again, resume a paused ticket, reopen a resolved one). If the engine cannot be told, nothing is
 * recorded and the provider's redelivery tries again.
 */
@Service
public class InboundMessages {
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  private static final int SUBJECT_LENGTH = 200;
  private static final int ACTOR_LENGTH = 64;

  private final InboundLedger ledger;
  private final Conversations conversations;
  private final SenderLocks senders;
  private final Threads threads;
  private final TicketCommands commands;
  private final InboundProperties properties;
  private final Clock clock;

  InboundMessages(InboundLedger ledger, Conversations conversations, SenderLocks senders, Threads threads, TicketCommands commands,
      InboundProperties properties, Clock clock) {
    this.ledger = ledger;
    this.conversations = conversations;
    this.senders = senders;
    this.threads = threads;
    this.commands = commands;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Read committed: after waiting for the sender's lock, the threading queries must see the ticket
   * that the sender's previous message opened and committed meanwhile.
   */
  @Transactional(isolation = Isolation.READ_COMMITTED)
  public InboundResult receive(InboundMessage message) {
    senders.lock(message);
    Instant now = clock.instant();
    Optional<Long> claimed = ledger.claim(message, now);
    if (claimed.isEmpty()) {
      return InboundResult.DUPLICATE;
    }
    long inboundId = claimed.get();
    if (message.automatic()) {
      // C1: an automatic reply or a bounce never opens a ticket, resumes one or gets an answer (no loops)
      ledger.complete(inboundId, InboundOutcome.AUTO_REPLY_IGNORED, null, null);
      return InboundResult.AUTO_REPLY_IGNORED;
    }
    String text = textOf(message);
    String by = actor(message);
    Optional<Long> thread = threads.ticketFor(message);
    InboundResult result;
    if (thread.isPresent()) {
      TicketMessage recorded = commands.customerWrote(thread.get(), text, by);
      result = new InboundResult(InboundOutcome.THREADED, thread.get(), recorded.id());
    } else {
      Ticket ticket = commands.open(customer(message), message.channelName(), subject(message, text), text,
          properties.priority(), properties.category(), by);
      // the first message is the ticket's description, as for a ticket opened through the API
      result = new InboundResult(InboundOutcome.OPENED, ticket.id(), null);
    }
    conversations.received(result.ticketId(), message.channel(), message.from(), name(message), now);
    message.attachments().forEach(a -> ledger.attach(inboundId, result.ticketId(), a));
    ledger.complete(inboundId, result.outcome(), result.ticketId(), result.ticketMessageId());
    return result;
  }

  private Customer customer(InboundMessage message) {
    // Only mail gives an address mail can reach; other channels answer through the conversation
    String email = message.channel() == Channel.EMAIL ? message.from() : "";
    // channels give tags like "pt-br" or "en_US": the primary language is what the notices need
    String primary = message.language() == null ? "" : message.language().strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
    String language = LANGUAGE.matcher(primary).matches() ? primary : properties.language();
    return new Customer(name(message), email, language, false, null);
  }

  private static String name(InboundMessage message) {
    return message.displayName().isBlank() ? message.from() : abbreviate(message.displayName(), 200);
  }

  /** The text as recorded: what the customer wrote, with the attachments named below it. */
  private static String textOf(InboundMessage message) {
    String attachments = message.attachments().stream()
        .map(a -> a.name() + " (" + a.contentType() + ", " + a.size() + " bytes)")
        .collect(Collectors.joining(", "));
    if (attachments.isEmpty()) {
      return message.text().isEmpty() ? "(empty message)" : message.text();
    }
    return (message.text().isEmpty() ? "" : message.text() + "\n\n") + "Attachments: " + attachments;
  }

  private static String subject(InboundMessage message, String text) {
    String firstLine = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    return firstLine.isEmpty() ? "Message via " + message.channelName() : abbreviate(firstLine, SUBJECT_LENGTH);
  }

  /** The timeline's actor: the customer on their channel, e.g. {@code telegram:123456789}. */
  private static String actor(InboundMessage message) {
    return abbreviate(message.channelName() + ":" + message.from(), ACTOR_LENGTH);
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
