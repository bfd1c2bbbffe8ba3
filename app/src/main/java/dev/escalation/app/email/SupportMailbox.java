package dev.escalation.app.email;

import dev.escalation.app.inbound.InboundMessages;
import dev.escalation.app.inbound.InboundResult;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * C1: reads the support mailbox over IMAP and hands each new mail to the one inbound path. A mail
 * is marked seen only after the inbound path recorded it (or recognised it as a duplicate or an
 * automatic reply); a mail that failed stays unseen and is read again at the next poll. Bodies are
 * fetched with PEEK, so reading a mail does not mark it seen by itself. Two replicas reading the
 * same mail record it once (the Message-ID is the inbound path's provider id).
 */
@Component
class SupportMailbox {
  private static final Logger log = LoggerFactory.getLogger(SupportMailbox.class);

  private final MailboxProperties properties;
  private final InboundMail mails;
  private final InboundMessages inbound;

  SupportMailbox(MailboxProperties properties, InboundMail mails, InboundMessages inbound) {
    this.properties = properties;
    this.mails = mails;
    this.inbound = inbound;
  }

  @Scheduled(fixedDelayString = "${escalation.mailbox.poll-interval:PT30S}")
  void poll() {
    if (!properties.enabled()) {
      return;
    }
    try {
      read();
    } catch (MessagingException e) {
      log.warn("Support mailbox {}@{}:{} not read: {}; trying again at the next poll", properties.username(), properties.host(),
          properties.port(), e.getMessage());
    }
  }

  /** Reads every unseen mail once; returns how many were handed to the inbound path and marked seen. */
  int read() throws MessagingException {
    Session session = Session.getInstance(sessionProperties());
    int handled = 0;
    try (Store store = session.getStore(properties.protocol())) {
      store.connect(properties.host(), properties.port(), properties.username(), properties.password());
      Folder folder = store.getFolder(properties.folder());
      folder.open(Folder.READ_WRITE);
      try {
        for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          if (handle((MimeMessage) message)) {
            message.setFlag(Flags.Flag.SEEN, true);
            handled++;
          }
        }
      } finally {
        folder.close(false);
      }
    }
    return handled;
  }

  private boolean handle(MimeMessage mail) {
    try {
      InboundResult result = inbound.receive(mails.parse(mail));
      log.info("Mail {} from the support mailbox: {} (ticket {})", mail.getMessageID(), result.outcome(), result.ticketId());
      return true;
    } catch (MessagingException | IOException | RuntimeException e) {
      log.warn("Mail {} from the support mailbox not recorded, left unseen for the next poll: {}", messageId(mail), e.toString());
      return false;
    }
  }

  private Properties sessionProperties() {
    String p = "mail." + properties.protocol() + ".";
    String millis = String.valueOf(properties.timeout().toMillis());
    Properties session = new Properties();
    session.put(p + "connectiontimeout", millis);
    session.put(p + "timeout", millis);
    session.put(p + "writetimeout", millis);
    session.put(p + "peek", "true");
    return session;
  }

  private static String messageId(MimeMessage mail) {
    try {
      return mail.getMessageID();
    } catch (MessagingException e) {
      return "(unreadable Message-ID)";
    }
  }
}
