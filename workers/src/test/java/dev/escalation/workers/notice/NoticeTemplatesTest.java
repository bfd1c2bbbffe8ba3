package dev.escalation.workers.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.ticket.TicketProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** C2: every customer notice from its template file, in English, German, French and Spanish, with the English fallback. */
class NoticeTemplatesTest {
  private static final Instant DUE = Instant.parse("2026-11-30T09:15:00Z"); // 10:15 in Berlin
  private static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");

  private final NoticeTemplates bundled = templates(null);

  private static NoticeTemplates templates(Path dir) {
    return new NoticeTemplates(new NoticeProperties(dir), new TicketProperties(null, null, null, "Europe/Berlin", null));
  }

  /** Every value any notice takes, with curly braces in the customer's text that must come out as they are. */
  private static Map<String, String> values(NoticeTemplate template) {
    Map<String, String> all = Map.ofEntries(Map.entry("ticket", "42"), Map.entry("customer", "Ada Lovelace"), Map.entry("subject", "Login {broken}"),
        Map.entry("owner", "Tom Tier2"), Map.entry("team", "TEAM"), Map.entry("due", "DUE"), Map.entry("question", "Which browser?"),
        Map.entry("summary", "Cache cleared."), Map.entry("amount", "40.00 EUR"), Map.entry("reason", "Used after the charge."),
        Map.entry("reply", "Please sign in again."), Map.entry("author", "Alex Agent"));
    Map<String, String> values = new HashMap<>();
    template.placeholders().forEach(p -> values.put(p, all.get(p)));
    return values;
  }

  static Stream<Arguments> everyKindInEveryLanguage() {
    return Stream.of(NoticeTemplate.values()).flatMap(t -> LANGUAGES.stream().map(l -> Arguments.of(t, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyKindInEveryLanguage")
  void everyKindHasItsOwnTextInEveryLanguage(NoticeTemplate template, String language) {
    RenderedNotice notice = bundled.render(template, language, values(template));

    assertThat(notice.language()).isEqualTo(language);
    assertThat(notice.subject()).contains("#42").doesNotContain("\n");
    assertThat(notice.subject().replace("Login {broken}", "")).doesNotContain("{", "}");
    assertThat(notice.body()).startsWith(switch (language) {
      case "de" -> "Hallo Ada Lovelace,\n\n";
      case "fr" -> "Bonjour Ada Lovelace,\n\n";
      case "es" -> "Hola, Ada Lovelace:\n\n";
      default -> "Hello Ada Lovelace,\n\n";
    }).contains("#42").doesNotEndWith("\n");
    assertThat(notice.body().replace("Login {broken}", "")).doesNotContain("{", "}");
    for (String placeholder : template.placeholders()) {
      if (!placeholder.equals("subject")) { // the waiting notices leave the ticket's subject out
        assertThat(notice.subject() + notice.body()).as(placeholder).contains(values(template).get(placeholder));
      }
    }
    if (!language.equals("en")) {
      RenderedNotice english = bundled.render(template, "en", values(template));
      assertThat(notice.subject()).isNotEqualTo(english.subject());
      assertThat(notice.body()).isNotEqualTo(english.body());
    }
  }

  @Test
  void acknowledgementInEachLanguage() {
    Map<String, String> de = Map.of("ticket", "42", "customer", "Ada", "subject", "Login", "owner", "Tom Tier2",
        "due", bundled.date("de", DUE));
    assertThat(bundled.render(NoticeTemplate.ACKNOWLEDGEMENT, "de-AT", de)).isEqualTo(new RenderedNotice("de",
        "Wir haben Ihre Anfrage #42 erhalten: Login",
        "Hallo Ada,\n\nvielen Dank für Ihre Nachricht. Ihre Anfrage #42 wird von Tom Tier2 bearbeitet; Sie erhalten bis"
            + " Mo., 30. Nov. 2026, 10:15 MEZ eine Antwort."));
    Map<String, String> en = new HashMap<>(de);
    en.put("due", bundled.date("en", DUE));
    assertThat(bundled.render(NoticeTemplate.ACKNOWLEDGEMENT, "en", en)).isEqualTo(new RenderedNotice("en",
        "We received your request #42: Login",
        "Hello Ada,\n\nthank you for contacting us. Your request #42 is with Tom Tier2, who will get back to you by"
            + " Mon 30 Nov 2026, 10:15 CET."));
    Map<String, String> fr = new HashMap<>(de);
    fr.put("due", bundled.date("fr", DUE));
    assertThat(bundled.render(NoticeTemplate.ACKNOWLEDGEMENT, "fr_FR", fr)).isEqualTo(new RenderedNotice("fr",
        "Nous avons bien reçu votre demande #42 : Login",
        "Bonjour Ada,\n\nmerci de nous avoir contactés. Votre demande #42 est prise en charge par Tom Tier2, qui vous"
            + " répondra d'ici le lun. 30 nov. 2026 à 10:15 CET."));
    Map<String, String> es = new HashMap<>(de);
    es.put("due", bundled.date("es", DUE));
    assertThat(bundled.render(NoticeTemplate.ACKNOWLEDGEMENT, "ES", es)).isEqualTo(new RenderedNotice("es",
        "Hemos recibido su solicitud #42: Login",
        "Hola, Ada:\n\ngracias por contactarnos. Su solicitud #42 está en manos de Tom Tier2, que le responderá antes del"
            + " lun 30 de nov de 2026, 10:15 CET."));
  }

  @Test
  void escalationNoticeNamesTheNewOwnerTheirTeamAndTheNewDueTime() {
    for (String language : LANGUAGES) {
      assertThat(bundled.word(language, "tier.2")).isNotBlank();
    }
    Map<String, String> values = Map.of("ticket", "7", "customer", "Kim", "subject", "Invoice twice", "owner", "Sam Specialist",
        "team", bundled.word("de", "tier.2"), "due", bundled.date("de", DUE));
    assertThat(bundled.render(NoticeTemplate.ESCALATION_NOTICE, "de", values).body()).isEqualTo(
        "Hallo Kim,\n\nIhre Anfrage #7 (Invoice twice) wird ab jetzt von Sam Specialist aus unserem Fachteam betreut."
            + " Sie erhalten bis Mo., 30. Nov. 2026, 10:15 MEZ eine Antwort.");
    Map<String, String> english = new HashMap<>(values);
    english.put("team", bundled.word("en", "tier.2"));
    english.put("due", bundled.date("en", DUE));
    RenderedNotice en = bundled.render(NoticeTemplate.ESCALATION_NOTICE, "en", english);
    assertThat(en.subject()).isEqualTo("Your request #7 has been escalated");
    assertThat(en.body()).isEqualTo("Hello Kim,\n\nwe have escalated your request #7 (Invoice twice) to Sam Specialist on our"
        + " specialist team, who now owns it. You can expect a response by Mon 30 Nov 2026, 10:15 CET.");
  }

  @Test
  void refundDeclinedWithReasonInSpanishAndFrench() {
    Map<String, String> values = values(NoticeTemplate.REFUND_DECLINED_WITH_REASON);
    assertThat(bundled.render(NoticeTemplate.REFUND_DECLINED_WITH_REASON, "es", values)).isEqualTo(new RenderedNotice("es",
        "Sobre su reembolso de la solicitud #42",
        "Hola, Ada Lovelace:\n\nhemos revisado con atención un reembolso de 40.00 EUR por su solicitud #42 (Login {broken})"
            + " y no podemos concederlo. Motivo: Used after the charge."));
    assertThat(bundled.render(NoticeTemplate.REFUND_DECLINED_WITH_REASON, "fr", values).body()).isEqualTo(
        "Bonjour Ada Lovelace,\n\nnous avons examiné attentivement un remboursement de 40.00 EUR pour votre demande #42"
            + " (Login {broken}) et ne pouvons malheureusement pas l'accorder. Motif : Used after the charge.");
  }

  @Test
  void aLanguageWithoutTemplatesFallsBackToEnglish() {
    Map<String, String> values = values(NoticeTemplate.RESOLUTION);
    for (String language : new String[] {"it", "pt-BR", "", null, "x-klingon", "../de"}) {
      assertThat(bundled.render(NoticeTemplate.RESOLUTION, language, values)).as(language).isEqualTo(new RenderedNotice("en",
          "Your request #42 is resolved",
          "Hello Ada Lovelace,\n\nyour request #42 (Login {broken}) is resolved:\n\nCache cleared.\n\n"
              + "If the problem is not solved, reply to this message and we will reopen it."));
    }
    assertThat(bundled.word("it", "tier.3")).isEqualTo("management");
    assertThat(bundled.date("it", DUE)).isEqualTo("Mon 30 Nov 2026, 10:15 CET");
  }

  @Test
  void aTemplateUsingAPlaceholderItsNoticeDoesNotProvideFailsLoudly(@TempDir Path dir) throws IOException {
    write(dir, "de/resolution.txt", "Subject: Anfrage #{ticket}\n\nHallo {customer}, Ihr Betreuer war {owner}.\n");

    assertThatThrownBy(() -> templates(dir).render(NoticeTemplate.RESOLUTION, "de", values(NoticeTemplate.RESOLUTION)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("notices/de/resolution.txt uses {owner}, which RESOLUTION does not provide;"
            + " it provides [customer, subject, summary, ticket]");
  }

  @Test
  void aPlaceholderWithoutAValueFailsLoudly() {
    Map<String, String> values = values(NoticeTemplate.ESCALATION_NOTICE);
    values.remove("due");

    assertThatThrownBy(() -> bundled.render(NoticeTemplate.ESCALATION_NOTICE, "fr", values))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("notices/fr/escalation-notice.txt needs a value for {due}");
    assertThatThrownBy(() -> bundled.render(NoticeTemplate.FIX_SHIPPED, "en", Map.of("amount", "1 EUR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("FIX_SHIPPED has no placeholder {amount}");
  }

  @Test
  void aTemplateWithoutSubjectLineFailsLoudly(@TempDir Path dir) throws IOException {
    write(dir, "es/fix-shipped.txt", "Hola {customer}\n");

    assertThatThrownBy(() -> templates(dir).render(NoticeTemplate.FIX_SHIPPED, "es", values(NoticeTemplate.FIX_SHIPPED)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("notices/es/fix-shipped.txt must start with a 'Subject:' line followed by an empty line");
  }

  @Test
  void anEditedTemplateInTheConfiguredFolderReplacesTheBundledOneAtTheNextNotice(@TempDir Path dir) throws IOException {
    NoticeTemplates edited = templates(dir);
    Map<String, String> values = values(NoticeTemplate.FIX_SHIPPED);
    assertThat(edited.render(NoticeTemplate.FIX_SHIPPED, "de", values).subject())
        .isEqualTo("Die Korrektur für Ihre Anfrage #42 ist ausgeliefert");

    write(dir, "de/fix-shipped.txt", "Subject: Behoben: #{ticket}\r\n\r\nGuten Tag {customer},\r\nes ist behoben.\r\n");
    write(dir, "de/words.properties", "tier.2=Spezialistenteam\n");

    assertThat(edited.render(NoticeTemplate.FIX_SHIPPED, "de", values))
        .isEqualTo(new RenderedNotice("de", "Behoben: #42", "Guten Tag Ada Lovelace,\nes ist behoben."));
    assertThat(edited.word("de", "tier.2")).isEqualTo("Spezialistenteam");
    assertThat(edited.word("de", "tier.3")).isEqualTo("Management");
    assertThat(edited.render(NoticeTemplate.FIX_SHIPPED, "fr", values).subject())
        .isEqualTo("Un correctif pour votre demande #42 a été déployé");
  }

  @Test
  void aTemplateAddedForANewLanguageIsUsedForIt(@TempDir Path dir) throws IOException {
    write(dir, "it/resolution.txt", "Subject: La richiesta #{ticket} è risolta\n\nCiao {customer},\n{summary}\n");

    RenderedNotice italian = templates(dir).render(NoticeTemplate.RESOLUTION, "it", values(NoticeTemplate.RESOLUTION));

    assertThat(italian).isEqualTo(new RenderedNotice("it", "La richiesta #42 è risolta", "Ciao Ada Lovelace,\nCache cleared."));
  }

  @Test
  void aSubjectNeverCarriesALineBreakFromTheCustomersText() {
    Map<String, String> values = values(NoticeTemplate.ACKNOWLEDGEMENT);
    values.put("subject", "Login\r\nBcc: someone@evil.test");

    assertThat(bundled.render(NoticeTemplate.ACKNOWLEDGEMENT, "en", values).subject())
        .isEqualTo("We received your request #42: Login Bcc: someone@evil.test");
  }

  private static void write(Path dir, String file, String text) throws IOException {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }
}
