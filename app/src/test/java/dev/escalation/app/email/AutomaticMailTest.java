package dev.escalation.app.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** C1: automatic replies and bounces are recognised, so they never open a ticket or get an answer (no mail loops). */
class AutomaticMailTest {

  private static MimeMessage mail(String from) throws MessagingException {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress(from));
    mail.setRecipients(Message.RecipientType.TO, "support@escalation.local");
    mail.setSubject("Re: Your request #7");
    mail.setText("text");
    return mail;
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Auto-Submitted | auto-replied   | true
      Auto-Submitted | auto-generated | true
      Auto-Submitted | no             | false
      X-Autoreply    | yes            | true
      X-Autorespond  | Out of office  | true
      Precedence     | bulk           | true
      Precedence     | auto_reply     | true
      Precedence     | junk           | true
      Precedence     | list           | true
      Precedence     | first-class    | false
      Return-Path    | <>             | true
      Return-Path    | <mia@example.com> | false
      X-Mailer       | Thunderbird    | false
      """)
  void aHeaderMarksAnAutomaticMail(String header, String value, boolean automatic) throws MessagingException {
    MimeMessage mail = mail("mia@example.com");
    mail.setHeader(header, value);
    assertThat(InboundMail.automatic(mail, new InternetAddress("mia@example.com"))).isEqualTo(automatic);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"MAILER-DAEMON@mx.example.com, true", "postmaster@example.com, true", "mailer@example.com, false"})
  void mailFromTheMailSystemIsABounce(String from, boolean automatic) throws MessagingException {
    assertThat(InboundMail.automatic(mail(from), new InternetAddress(from))).isEqualTo(automatic);
  }

  @org.junit.jupiter.api.Test
  void aDeliveryReportIsABounce() throws MessagingException {
    MimeMessage report = mail("mx@example.com");
    MimeBodyPart human = new MimeBodyPart();
    human.setText("Delivery to the following recipient failed permanently");
    MimeMultipart multipart = new MimeMultipart("report", human);
    report.setContent(multipart);
    report.saveChanges();
    assertThat(InboundMail.automatic(report, new InternetAddress("mx@example.com"))).isTrue();
  }
}
