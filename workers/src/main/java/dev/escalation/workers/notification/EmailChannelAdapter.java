package dev.escalation.workers.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends EMAIL notifications as plain-text mail through Spring's {@link JavaMailSender}
 * ({@code spring.mail.*}). Every delivery of the same notification carries the same
 * {@code Message-ID}, so a receiver can drop the duplicate of a retried delivery. A mail about a
 * ticket carries {@code In-Reply-To} and {@code References} naming the ticket's thread
 * ({@link MailThreads}), so the customer's mail client shows the ticket as one conversation.
 *
 * <p>Failures are classified: a 5xx reply or an address that cannot be parsed is permanent; an
 * unreachable server, a timeout, a 4xx reply or a missing mail configuration is temporary.
 */
@Component
class EmailChannelAdapter implements ChannelAdapter {
  /** Socket timeouts applied when {@code spring.mail.properties.mail.smtp.*} does not set them. */
  static final Map<String, String> DEFAULT_TIMEOUTS = Map.of(
      "mail.smtp.connectiontimeout", "10000",
      "mail.smtp.timeout", "30000",
      "mail.smtp.writetimeout", "30000");

  private final Supplier<JavaMailSender> mailSender;
  private final OutboxProperties properties;
  private final Clock clock;
  private final MailThreads threads;

  @Autowired
  EmailChannelAdapter(ObjectProvider<JavaMailSender> mailSender, OutboxProperties properties, Clock clock, MailThreads threads) {
    this((Supplier<JavaMailSender>) mailSender::getIfAvailable, properties, clock, threads);
  }

  EmailChannelAdapter(Supplier<JavaMailSender> mailSender, OutboxProperties properties, Clock clock, MailThreads threads) {
    this.mailSender = mailSender;
    this.properties = properties;
    this.clock = clock;
    this.threads = threads;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public void deliver(Notification notification) throws DeliveryException {
    JavaMailSender sender = mailSender.get();
    if (sender == null) {
      throw DeliveryException.temporary(
          "no mail server configured: set spring.mail.host (and spring.mail.port)", null);
    }
    applyDefaultTimeouts(sender);
    InternetAddress to = recipient(notification);
    MimeMessage message = compose(sender, notification, to);
    try {
      sender.send(message);
    } catch (MailException e) {
      throw classify(e, to, server(sender));
    }
  }

  /** The Message-ID of every delivery of this notification: {@code <notification-ID.HASH@DOMAIN>}. */
  static String messageId(Notification notification, String fromAddress) {
    String domain = MailThreads.domainOf(fromAddress);
    return "<notification-" + notification.id() + "." + shortHash(notification.idempotencyKey()) + "@" + domain + ">";
  }

  private InternetAddress recipient(Notification notification) throws DeliveryException {
    String address = notification.recipient() == null ? "" : notification.recipient().strip();
    try {
      InternetAddress to = new InternetAddress(address, notification.recipientName(), StandardCharsets.UTF_8.name());
      to.validate();
      return to;
    } catch (AddressException | UnsupportedEncodingException e) {
      throw DeliveryException.permanent(
          "invalid recipient address '" + address + "': " + e.getMessage() + "; correct the address and notify again", e);
    }
  }

  private MimeMessage compose(JavaMailSender sender, Notification notification, InternetAddress to)
      throws DeliveryException {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(properties.fromAddress(), properties.fromName());
      helper.setTo(to);
      helper.setSubject(notification.subject());
      helper.setText(notification.body(), false);
      helper.setSentDate(Date.from(clock.instant()));
      message.setHeader("Message-ID", messageId(notification, properties.fromAddress()));
      if (notification.ticketId() != null) {
        MailThreads.MailThread thread = threads.of(notification.ticketId());
        message.setHeader("In-Reply-To", thread.inReplyTo());
        message.setHeader("References", thread.references());
      }
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw DeliveryException.permanent("cannot build the mail to " + to.getAddress() + ": " + e.getMessage()
          + "; check escalation.outbox.from-address/from-name and the notification text", e);
    }
  }

  static DeliveryException classify(MailException e, InternetAddress to, String server) {
    String address = to.getAddress();
    if (e instanceof MailAuthenticationException) {
      return DeliveryException.temporary(
          server + " refused the login: check spring.mail.username/password (" + message(e.getCause()) + ")", e);
    }
    if (e instanceof MailParseException || e instanceof MailPreparationException) {
      return DeliveryException.permanent("cannot build the mail to " + address + ": " + message(e), e);
    }
    List<Throwable> causes = causes(e);
    for (Throwable cause : causes) {
      if (cause instanceof SMTPAddressFailedException failed) {
        return reply(failed.getReturnCode(), failed.getMessage(),
            "mail server rejected " + address(failed.getAddress(), address), "mail server deferred " + address, e);
      }
      if (cause instanceof SMTPSenderFailedException failed) {
        return reply(failed.getReturnCode(), failed.getMessage(),
            "mail server rejected the sender " + address(failed.getAddress(), "") + " (check escalation.outbox.from-address)",
            "mail server deferred the sender " + address(failed.getAddress(), ""), e);
      }
      if (cause instanceof SMTPSendFailedException failed) {
        return reply(failed.getReturnCode(), failed.getMessage(),
            "mail server rejected the mail to " + address, "mail server deferred the mail to " + address, e);
      }
    }
    for (Throwable cause : causes) {
      if (cause instanceof MailConnectException || cause instanceof ConnectException
          || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
        return DeliveryException.temporary(
            server + " unreachable: check spring.mail.host/port (" + rootMessage(cause) + ")", e);
      }
      if (cause instanceof SocketTimeoutException) {
        return DeliveryException.temporary(server + " timed out (" + rootMessage(cause) + "); will retry", e);
      }
    }
    for (Throwable cause : causes) {
      if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
          && failed.getInvalidAddresses().length > 0) {
        return DeliveryException.permanent("mail server rejected " + address + ": " + message(failed), e);
      }
      if (cause instanceof AddressException) {
        return DeliveryException.permanent("invalid recipient address " + address + ": " + message(cause), e);
      }
    }
    Throwable first = causes.size() > 1 ? causes.get(1) : e;
    return DeliveryException.temporary("sending the mail to " + address + " via " + server + " failed: "
        + message(first) + "; will retry", e);
  }

  private static DeliveryException reply(int code, String reply, String rejected, String deferred, MailException e) {
    String text = reply == null ? String.valueOf(code) : reply.strip();
    if (code >= 500 && code < 600) {
      return DeliveryException.permanent(rejected + ": " + text, e);
    }
    if (code >= 400 && code < 500) {
      return DeliveryException.temporary(deferred + ": " + text + "; will retry", e);
    }
    return DeliveryException.temporary(deferred + ": unexpected reply " + text + "; will retry", e);
  }

  /** The exception, its causes, chained messaging exceptions and the failures Spring collected. */
  private static List<Throwable> causes(Throwable top) {
    List<Throwable> all = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> pending = new ArrayList<>(List.of(top));
    while (!pending.isEmpty()) {
      Throwable t = pending.remove(0);
      if (t == null || !seen.add(t)) {
        continue;
      }
      all.add(t);
      if (t instanceof MailSendException send) {
        pending.addAll(send.getFailedMessages().values());
      }
      if (t instanceof MessagingException messaging) {
        pending.add(messaging.getNextException());
      }
      pending.add(t.getCause());
    }
    return all;
  }

  private static String address(InternetAddress failed, String fallback) {
    return failed == null ? fallback : failed.getAddress();
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return message(root);
  }

  private static String message(Throwable t) {
    if (t == null) {
      return "unknown error";
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
  }

  private static String server(JavaMailSender sender) {
    if (sender instanceof JavaMailSenderImpl impl) {
      String host = impl.getHost() == null ? "localhost" : impl.getHost();
      int port = impl.getPort() > 0 ? impl.getPort() : 25;
      return "SMTP server " + host + ":" + port;
    }
    return "the mail server";
  }

  /** Without timeouts a hanging mail server would block the dispatcher (and its lease) forever. */
  private static void applyDefaultTimeouts(JavaMailSender sender) {
    if (sender instanceof JavaMailSenderImpl impl) {
      Properties mail = impl.getJavaMailProperties();
      DEFAULT_TIMEOUTS.forEach(mail::putIfAbsent);
    }
  }

  private static String shortHash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
