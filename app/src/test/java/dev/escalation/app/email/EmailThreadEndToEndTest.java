package dev.escalation.app.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.escalation.app.e2e.EmbeddedAppTest;
import dev.escalation.app.e2e.TicketApi;
import dev.escalation.app.embedded.EmbeddedRuntime;
import dev.escalation.workers.inbound.InboundLedger;
import dev.escalation.workers.notification.Channel;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C1 and email out, end to end through the embedded mail server's real SMTP and IMAP: the customer
 * writes to support@escalation.local, the app reads the support mailbox over IMAP, and its answers
 * reach the customer's own mailbox, read here over IMAP as a mail client would.
 */
@EmbeddedAppTest
class EmailThreadEndToEndTest {
  private static final String SUPPORT = "support@escalation.local";
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired InboundLedger ledger;
  TicketApi staff;
  String customer;

  @BeforeEach
  void setUp() {
    staff = new TicketApi(port).as("manager1");
    customer = "mia-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void aMailOpensATicketItsAnswersThreadUnderItAndRepliesResumeAndReopenIt() throws Exception {
    String firstId = "<first-" + UUID.randomUUID() + "@example.com>";
    MimeMessage first = mail(firstId, "Printer on fire", "It smokes since this morning.\n\nMia");
    MimeBodyPart photo = new MimeBodyPart();
    photo.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[1234], "image/jpeg")));
    photo.setFileName("smoke.jpg");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("It smokes since this morning.\n\nMia", "UTF-8");
    first.setContent(new MimeMultipart(text, photo));
    send(first);

    long ticket = await().atMost(Duration.ofSeconds(30)).until(() -> ticketOf(firstId), id -> id != null);
    var opened = staff.ticket(ticket);
    assertThat(opened.get("channel").asText()).isEqualTo("email");
    assertThat(opened.get("subject").asText()).isEqualTo("Printer on fire");
    assertThat(ledger.attachmentsOf(ticket)).extracting(a -> a.name() + " " + a.contentType() + " " + a.size())
        .containsExactly("smoke.jpg image/jpeg 1234");

    // the acknowledgement threads under the customer's mail and names the ticket
    MimeMessage ack = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(customer, "We received your request #" + ticket), m -> m != null);
    assertThat(ack.getSubject()).isEqualTo("We received your request #" + ticket + ": Printer on fire");
    assertThat(ack.getHeader("In-Reply-To")).containsExactly(firstId);
    assertThat(ack.getHeader("References")[0].split(" ")).containsExactly(firstId, "<ticket-" + ticket + "@escalation.local>");
    assertThat(ack.getMessageID()).matches("<notification-\\d+\\.[0-9a-f]{24}@escalation\\.local>");

    // the owner asks; the customer's reply (to the question mail) resumes the paused ticket
    await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(staff.ticket(ticket).get("responseClock").asText()));
    act("/api/tickets/" + ticket + "/waiting-on-customer", Map.of("question", "Which printer model is it?"));
    await().atMost(Duration.ofSeconds(20)).until(() -> "PAUSED".equals(staff.ticket(ticket).get("responseClock").asText()));
    MimeMessage question = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(customer, "We need your answer on request #" + ticket),
        m -> m != null);
    send(reply(question, "The LaserJet 4000.\n\nOn Mon, 30 Nov 2026, Support wrote:\n> Which printer model is it?"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "RUNNING".equals(staff.ticket(ticket).get("responseClock").asText()));
    assertThat(staff.timelineTypes(ticket)).containsSubsequence("WAITING_ON_CUSTOMER", "CUSTOMER_REPLIED", "SLA_CLOCKS_RESUMED");
    assertThat(messages(ticket)).contains("The LaserJet 4000.").noneMatch(m -> m.contains("> Which printer"));

    // an out-of-office answer to our mail, and the same mail fetched twice, change nothing
    MimeMessage outOfOffice = reply(question, "I am out of the office until Monday.");
    outOfOffice.setHeader("Auto-Submitted", "auto-replied");
    send(outOfOffice);
    send(reply(question, "The LaserJet 4000.", firstReplyId));
    await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(Channel.EMAIL, outOfOffice.getMessageID()).isPresent());
    assertThat(ledger.find(Channel.EMAIL, outOfOffice.getMessageID()).orElseThrow().ticketId()).isNull();

    // resolved; the customer answers the resolution mail and the ticket reopens
    act("/api/tickets/" + ticket + "/resolution", Map.of("summary", "Replaced the fuser unit."));
    MimeMessage resolution = await().atMost(Duration.ofSeconds(30)).until(() -> inbox(customer, "Your request #" + ticket + " is resolved"),
        m -> m != null);
    assertThat(resolution.getHeader("References")[0]).contains(firstId, "<ticket-" + ticket + "@escalation.local>");
    send(reply(resolution, "It smokes again."));
    await().atMost(Duration.ofSeconds(30)).until(() -> staff.timelineTypes(ticket).contains("REOPENED"));
    assertThat(staff.ticket(ticket).get("status").asText()).isEqualTo("OPEN");
    assertThat(staff.ticket(ticket).get("reescalationCount").asInt()).isEqualTo(1);

    assertThat(jdbc.sql("SELECT COUNT(*) FROM ticket WHERE customer_email = ?").param(customer).query(Long.class).single())
        .as("every mail of the thread went to the one ticket").isEqualTo(1);
    assertThat(messages(ticket)).filteredOn(m -> m.contains("The LaserJet 4000.")).hasSize(1);
    await().atMost(Duration.ofSeconds(10)).alias("every mail read is marked seen").until(() -> supportMailboxUnseen() == 0);
  }

  private String firstReplyId;

  private void act(String path, Map<String, Object> body) {
    await().atMost(Duration.ofSeconds(30)).until(() -> staff.post(path, body).status() == 202);
  }

  private Long ticketOf(String messageId) {
    return ledger.find(Channel.EMAIL, messageId).map(InboundLedger.Entry::ticketId).orElse(null);
  }

  private List<String> messages(long ticket) {
    List<String> bodies = new ArrayList<>();
    staff.get("/api/tickets/" + ticket + "/messages").body().forEach(m -> bodies.add(m.get("body").asText()));
    return bodies;
  }

  private MimeMessage mail(String messageId, String subject, String body) throws MessagingException {
    MimeMessage mail = new IdentifiedMessage(smtp(), messageId);
    mail.setFrom(new InternetAddress(customer));
    mail.setRecipients(Message.RecipientType.TO, SUPPORT);
    mail.setSubject(subject, "UTF-8");
    mail.setText(body, "UTF-8");
    return mail;
  }

  /** A reply as a mail client writes it: "Re:", In-Reply-To the answered mail, References its chain plus its id. */
  private MimeMessage reply(MimeMessage to, String body) throws MessagingException {
    return reply(to, body, "<reply-" + UUID.randomUUID() + "@example.com>");
  }

  private MimeMessage reply(MimeMessage to, String body, String messageId) throws MessagingException {
    if (firstReplyId == null) {
      firstReplyId = messageId;
    }
    MimeMessage reply = mail(messageId, "Re: " + to.getSubject(), body);
    reply.setHeader("In-Reply-To", to.getMessageID());
    String[] references = to.getHeader("References");
    reply.setHeader("References", (references == null ? "" : references[0] + " ") + to.getMessageID());
    return reply;
  }

  private static Session smtp() {
    Properties smtp = new Properties();
    smtp.put("mail.smtp.host", EmbeddedRuntime.mail().host());
    smtp.put("mail.smtp.port", String.valueOf(EmbeddedRuntime.mail().port()));
    return Session.getInstance(smtp);
  }

  private static void send(MimeMessage mail) throws MessagingException {
    Transport.send(mail);
  }

  /** The customer's newest mail whose subject starts so, read over IMAP; null while there is none. */
  private MimeMessage inbox(String address, String subjectStart) throws MessagingException {
    Store store = imap();
    try {
      // the mail server opens the customer's mailbox (login and password: the address) with the first mail to it
      store.connect(EmbeddedRuntime.mail().host(), EmbeddedRuntime.mail().imapPort(), address, address);
    } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
      return null;
    }
    try (store) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<Message> matching = Arrays.stream(inbox.getMessages()).filter(m -> subject(m).startsWith(subjectStart)).toList();
      MimeMessage found = matching.isEmpty() ? null : new MimeMessage((MimeMessage) matching.get(matching.size() - 1));
      inbox.close(false);
      return found;
    }
  }

  private int supportMailboxUnseen() throws MessagingException {
    Store store = imap();
    var mailbox = EmbeddedRuntime.SUPPORT_MAILBOX;
    store.connect(EmbeddedRuntime.mail().host(), EmbeddedRuntime.mail().imapPort(), mailbox.login(), mailbox.password());
    try (store) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      int unseen = inbox.search(new jakarta.mail.search.FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
      inbox.close(false);
      return unseen;
    }
  }

  private static Store imap() throws MessagingException {
    return Session.getInstance(new Properties()).getStore("imap");
  }

  private static String subject(Message m) {
    try {
      return m.getSubject() == null ? "" : m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keeps the Message-ID a test gives instead of the one Jakarta Mail would make up when saving. */
  private static final class IdentifiedMessage extends MimeMessage {
    private final String id;

    IdentifiedMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }

}
