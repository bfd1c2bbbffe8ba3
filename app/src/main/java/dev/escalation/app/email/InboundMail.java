package dev.escalation.app.email;

import dev.escalation.workers.inbound.InboundMessage;
import dev.escalation.workers.notification.Channel;
import dev.escalation.workers.notification.MailThreads;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * C1 for email: a mail from the support mailbox as the one inbound path takes it. The Message-ID is
 * the provider id (a mail fetched twice is one message); In-Reply-To and References thread it (our
 * own ids lead straight to the ticket, see {@link MailThreads}); a "#42" in the subject is the
 * fallback. Automatic replies and bounces are flagged so they never open a ticket or get an answer.
 */
@Component
class InboundMail {
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
  private static final Pattern TICKET_IN_SUBJECT = Pattern.compile("#(\\d{1,18})\\b");
  private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*((re|aw|wg|fw|fwd|tr|rv|sv)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
  /** The line a mail client puts above the quoted mail ("On Mon, 30 Nov 2026, Ada wrote:"), in en, de, fr, es. */
  private static final Pattern QUOTE_HEADER = Pattern.compile("^(On|Am|Le|El) .+(wrote|schrieb|a écrit|escribió)\\s*:\\s*$");
  private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "auto_reply", "junk", "list");
  private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster");

  private final MailThreads threads;

  InboundMail(MailThreads threads) {
    this.threads = threads;
  }

  InboundMessage parse(MimeMessage mail) throws MessagingException, IOException {
    InternetAddress from = sender(mail);
    String subject = Optional.ofNullable(mail.getSubject()).orElse("").strip();
    List<String> references = references(mail);
    Long ticketHint = threads.ticketOf(references).orElseGet(() -> ticketInSubject(subject));
    List<InboundMessage.Attachment> attachments = new ArrayList<>();
    String body = withoutQuote(text(mail, attachments));
    // the inbound path names a new ticket after the first line: for a new mail that is its subject
    String text = subject.isEmpty() || REPLY_PREFIX.matcher(subject).find() ? body : subject + "\n\n" + body;
    return new InboundMessage(Channel.EMAIL, messageId(mail, from, subject, body), from.getAddress(),
        from.getPersonal(), text, mail.getHeader("Content-Language", ","), attachments,
        new InboundMessage.ThreadHint(references, ticketHint), automatic(mail, from));
  }

  /** Auto-Submitted (RFC 3834), the common auto-responder headers, delivery reports and mail from the mail system. */
  static boolean automatic(MimeMessage mail, InternetAddress from) throws MessagingException {
    String autoSubmitted = first(mail, "Auto-Submitted");
    if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    if (first(mail, "X-Autoreply") != null || first(mail, "X-Autorespond") != null) {
      return true;
    }
    String precedence = first(mail, "Precedence");
    if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    if (mail.isMimeType("multipart/report")) {
      return true;
    }
    String returnPath = first(mail, "Return-Path");
    if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
      return true;
    }
    String local = from.getAddress().substring(0, Math.max(0, from.getAddress().indexOf('@'))).toLowerCase(Locale.ROOT);
    return SYSTEM_SENDERS.contains(local);
  }

  private static InternetAddress sender(MimeMessage mail) throws MessagingException {
    Address[] from = mail.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null
        || !address.getAddress().contains("@")) {
      throw new MessagingException("a mail without a sender address cannot be answered");
    }
    return address;
  }

  /** In-Reply-To first, then References from the newest back, without repeats. */
  private static List<String> references(MimeMessage mail) throws MessagingException {
    Set<String> ids = new LinkedHashSet<>();
    ids.addAll(ids(first(mail, "In-Reply-To")));
    List<String> chain = ids(mail.getHeader("References", " "));
    for (int i = chain.size() - 1; i >= 0; i--) {
      ids.add(chain.get(i));
    }
    return List.copyOf(ids);
  }

  private static List<String> ids(String header) {
    List<String> ids = new ArrayList<>();
    if (header != null) {
      Matcher m = MESSAGE_ID.matcher(header);
      while (m.find()) {
        ids.add(m.group());
      }
    }
    return ids;
  }

  private static Long ticketInSubject(String subject) {
    Matcher m = TICKET_IN_SUBJECT.matcher(subject);
    return m.find() ? Long.parseLong(m.group(1)) : null;
  }

  /** A mail without a Message-ID gets one from what it says, so fetching it again still finds it. */
  private static String messageId(MimeMessage mail, InternetAddress from, String subject, String body) throws MessagingException {
    String id = mail.getMessageID();
    if (id != null && !id.isBlank()) {
      return id.strip();
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          (from.getAddress() + "\n" + mail.getSentDate() + "\n" + subject + "\n" + body).getBytes(StandardCharsets.UTF_8));
      return "<no-message-id." + HexFormat.of().formatHex(digest, 0, 16) + "@escalation.local>";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The first text/plain part (else text/html without its tags); every named part is an attachment. */
  private static String text(Part part, List<InboundMessage.Attachment> attachments) throws MessagingException, IOException {
    String fileName = part.getFileName();
    if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      attachments.add(new InboundMessage.Attachment(fileName == null ? null : MimeUtility.decodeText(fileName),
          new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT), size(part)));
      return null;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String plain = null;
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        String text = text(child, attachments);
        if (text != null && child.isMimeType("text/html")) {
          html = html == null ? text : html;
        } else if (text != null) {
          plain = plain == null ? text : plain;
        }
      }
      return plain != null ? plain : html;
    }
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent()).replace("\r\n", "\n");
    }
    if (part.isMimeType("text/html")) {
      return String.valueOf(part.getContent()).replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
          .replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "").replace("&nbsp;", " ")
          .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
    }
    return null;
  }

  private static long size(Part part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }

  /** The customer's new text: quoted lines and the quoted mail below a "... wrote:" line are left out. */
  private static String withoutQuote(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (QUOTE_HEADER.matcher(line.strip()).matches()) {
        break;
      }
      if (!line.startsWith(">")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().strip();
  }

  private static String first(MimeMessage mail, String header) throws MessagingException {
    String[] values = mail.getHeader(header);
    return values == null || values.length == 0 ? null : values[0];
  }
}
