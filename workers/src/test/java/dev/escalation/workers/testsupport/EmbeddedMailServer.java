package dev.escalation.workers.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An SMTP server in the JVM (GreenMail) that accepts every mail and keeps it for inspection. Port
 * 0 picks a free port at the first {@link #start()}; later starts reuse that port, so a test can
 * stop the server ("mail server down") and bring it back where the application expects it. Mail
 * received before a {@link #stop()} stays in {@link #received()} until {@link #purge()}.
 */
public final class EmbeddedMailServer implements AutoCloseable {
  private final String bindAddress;
  private int port;
  private GreenMail greenMail;
  private final List<ReceivedMail> earlier = new ArrayList<>();
  private Integer imapPort;
  private Mailbox mailbox;

  /** A mailbox the server also serves over IMAP (C1: the support mailbox the app reads). */
  public record Mailbox(String address, String login, String password) {}

  /** A mail as it arrived. {@code to} is the decoded To header ("Name <address>", comma separated). */
  public record ReceivedMail(String from, String to, String subject, String body, String messageId) {}

  public EmbeddedMailServer(int port) {
    this("127.0.0.1", port);
  }

  public EmbeddedMailServer(String bindAddress, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    this.bindAddress = bindAddress;
    this.port = port;
  }

  /**
   * Also serves {@code mailbox} over IMAP on {@code imapPort} (0: a free port chosen at the first
   * start). Mail to its address lands in its INBOX; every other recipient gets a mailbox of its own
   * whose login and password are its address.
   */
  public synchronized EmbeddedMailServer withImap(int imapPort, Mailbox mailbox) {
    if (greenMail != null) {
      throw new IllegalStateException("IMAP is set up before the first start()");
    }
    this.imapPort = imapPort;
    this.mailbox = mailbox;
    return this;
  }

  public synchronized EmbeddedMailServer start() {
    if (isRunning()) {
      return this;
    }
    ServerSetup setup = new ServerSetup(port, bindAddress, ServerSetup.PROTOCOL_SMTP);
    if (port == 0) {
      setup = setup.dynamicPort();
    }
    GreenMail server;
    if (imapPort == null) {
      server = new GreenMail(setup);
    } else {
      ServerSetup imap = new ServerSetup(imapPort, bindAddress, ServerSetup.PROTOCOL_IMAP);
      server = new GreenMail(new ServerSetup[] {setup, imapPort == 0 ? imap.dynamicPort() : imap});
    }
    server.start();
    greenMail = server;
    port = server.getSmtp().getPort();
    if (imapPort != null) {
      imapPort = server.getImap().getPort();
      server.setUser(mailbox.address(), mailbox.login(), mailbox.password());
    }
    return this;
  }

  /** The IMAP port, once started with {@link #withImap}. */
  public synchronized int imapPort() {
    if (imapPort == null || imapPort == 0) {
      throw new IllegalStateException("no IMAP server: call withImap(...) and start()");
    }
    return imapPort;
  }

  /** Stops the server; clients then get "connection refused" on {@link #port()}. */
  public synchronized void stop() {
    if (greenMail != null) {
      earlier.addAll(convert(greenMail.getReceivedMessages()));
      greenMail.stop();
      greenMail = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized boolean isRunning() {
    return greenMail != null && greenMail.isRunning();
  }

  /** The SMTP port; known once the server was started when it was created with port 0. */
  public synchronized int port() {
    if (port == 0) {
      throw new IllegalStateException("the port is chosen at the first start()");
    }
    return port;
  }

  public String host() {
    return bindAddress;
  }

  /** Every mail received so far, oldest first (one entry per recipient mailbox). */
  public synchronized List<ReceivedMail> received() {
    List<ReceivedMail> all = new ArrayList<>(earlier);
    if (greenMail != null) {
      all.addAll(convert(greenMail.getReceivedMessages()));
    }
    return all;
  }

  /** Waits until at least {@code count} mails were received; returns whether they were. */
  public boolean awaitReceived(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received().size() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** Forgets all received mail. */
  public synchronized void purge() {
    earlier.clear();
    if (greenMail != null) {
      try {
        greenMail.purgeEmailFromAllMailboxes();
      } catch (Exception e) {
        throw new IllegalStateException("could not purge the received mail: " + e.getMessage(), e);
      }
    }
  }

  private static List<ReceivedMail> convert(MimeMessage[] messages) {
    List<ReceivedMail> mails = new ArrayList<>(messages.length);
    for (MimeMessage message : messages) {
      try {
        mails.add(new ReceivedMail(
            addresses(message.getFrom()),
            addresses(message.getRecipients(Message.RecipientType.TO)),
            message.getSubject(),
            text(message.getContent()),
            message.getMessageID()));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException("could not read a received mail: " + e.getMessage(), e);
      }
    }
    return mails;
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    return Arrays.stream(addresses)
        .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
        .collect(Collectors.joining(", "));
  }

  /** The text of a plain mail, or the first text part of a multipart one; line ends as "\n". */
  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String text) {
      return text.replace("\r\n", "\n");
    }
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/*") || part.isMimeType("multipart/*")) {
          String text = text(part.getContent());
          if (text != null) {
            return text;
          }
        }
      }
    }
    return null;
  }
}
