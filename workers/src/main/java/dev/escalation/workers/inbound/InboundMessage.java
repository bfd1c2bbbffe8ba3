package dev.escalation.workers.inbound;

import dev.escalation.workers.notification.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * C1: one message a customer sent on one channel, as its adapter parsed it after verifying the
 * sender. Every channel hands its messages to the same inbound path in this shape.
 *
 * @param channel where it came from (EMAIL, CHAT, WHATSAPP, TELEGRAM or INSTAGRAM)
 * @param providerMessageId the provider's id of this message: a second delivery with the same id is dropped
 * @param from the sender's address on that channel (mail address, Telegram chat id, WhatsApp phone number,
 *     Instagram-scoped id); replies on that channel go there
 * @param displayName the sender's name as the channel gives it (may be blank)
 * @param text what the customer wrote, as plain text
 * @param language the customer's language tag when the channel tells it (may be null)
 * @param attachments what came with it, recorded by name, type and size
 * @param threadHint what ties the message to an earlier one (mail threading headers, a ticket number)
 * @param automatic an automatic reply or a bounce: recorded once, never opens a ticket or gets an answer
 */
public record InboundMessage(
    Channel channel,
    String providerMessageId,
    String from,
    String displayName,
    String text,
    String language,
    List<Attachment> attachments,
    ThreadHint threadHint,
    boolean automatic) {

  /** The channels that have an inbound path. */
  public static final Set<Channel> INBOUND_CHANNELS =
      Set.of(Channel.EMAIL, Channel.CHAT, Channel.WHATSAPP, Channel.TELEGRAM, Channel.INSTAGRAM);

  public InboundMessage {
    if (channel == null || !INBOUND_CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("no inbound path for channel " + channel);
    }
    if (providerMessageId == null || providerMessageId.isBlank()) {
      throw new IllegalArgumentException("an inbound message needs the provider's message id");
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("an inbound message needs the sender's address on its channel");
    }
    providerMessageId = providerMessageId.strip();
    from = from.strip();
    displayName = displayName == null ? "" : displayName.strip();
    text = text == null ? "" : text.strip();
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    threadHint = threadHint == null ? ThreadHint.NONE : threadHint;
  }

  /** A plain message without attachments, thread hint or language: what chat apps mostly deliver. */
  public static InboundMessage text(Channel channel, String providerMessageId, String from, String displayName, String text) {
    return new InboundMessage(channel, providerMessageId, from, displayName, text, null, List.of(), ThreadHint.NONE, false);
  }

  /** The ticket's channel name for this message's channel ({@code telegram}). */
  public String channelName() {
    return channelName(channel);
  }

  public static String channelName(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT);
  }

  /** A file that came with the message. Its content is not stored. */
  public record Attachment(String name, String contentType, long size) {
    public Attachment {
      name = name == null || name.isBlank() ? "unnamed" : name.strip();
      contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
      if (size < 0) {
        throw new IllegalArgumentException("an attachment's size is not negative: " + size);
      }
    }
  }

  /**
   * What ties a message to an earlier one.
   *
   * @param references provider message ids this message answers (a mail's In-Reply-To and References);
   *     a reference to an earlier inbound message of the same channel threads to that message's ticket
   * @param ticketId a ticket number the message names (a mail subject's "#42"); honoured only when that
   *     ticket's customer is the sender
   */
  public record ThreadHint(List<String> references, Long ticketId) {
    public static final ThreadHint NONE = new ThreadHint(List.of(), null);

    public ThreadHint {
      references = references == null ? List.of() : List.copyOf(references);
    }
  }
}
