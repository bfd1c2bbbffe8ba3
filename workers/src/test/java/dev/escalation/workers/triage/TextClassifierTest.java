package dev.escalation.workers.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.escalation.workers.triage.TextClassifier.LanguageSource;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class TextClassifierTest {
  private final TextClassifier classifier = Classifiers.defaults();

  @Test
  void englishIsScoredWithVaderAndItsSignalsComeWithTheirEvidence() {
    var c = classifier.classify("Since the update the app crashes with error code 4031. If this is not fixed, I will cancel my subscription.", "de");
    assertThat(c.language()).isEqualTo("en");
    assertThat(c.languageSource()).isEqualTo(LanguageSource.DETECTED);
    assertThat(c.sentimentScore()).isBetween(-1.0, 0.0);
    assertThat(c.sentimentNote()).isEqualTo("VADER compound score (English)");
    assertThat(c.bugSignal()).isTrue();
    assertThat(c.churnRisk()).as("the negation belongs to the other clause").isTrue();
    assertThat(c.legalRisk()).isFalse();
    assertThat(c.evidence()).contains("bug: crash*", "bug: since the update", "churn: cancel* my subscription");
  }

  @Test
  void aBusinessCustomerThreateningToLeaveSaysOur() {
    var c = classifier.classify("This is unacceptable, we will cancel our contract!", "en");
    assertThat(c.churnRisk()).isTrue();
    assertThat(c.evidence()).contains("churn: cancel* our contract");
  }

  @Test
  void aNegatedKeywordDoesNotCount() {
    var c = classifier.classify("No crash so far, just a question about billing: when is the invoice sent?", "en");
    assertThat(c.bugSignal()).isFalse();
    assertThat(c.evidence()).isEmpty();
  }

  @Test
  void anotherSupportedLanguageGetsItsKeywordsButNoSentimentScore() {
    var c = classifier.classify("Depuis la mise à jour, l'application plante à chaque ouverture.", "en");
    assertThat(c.language()).isEqualTo("fr");
    assertThat(c.bugSignal()).isTrue();
    assertThat(c.sentimentScore()).isNull();
    assertThat(c.sentimentNote()).isEqualTo("not scored: no sentiment model for language 'fr' (VADER is English only)");
  }

  @Test
  void aLanguageWithoutKeywordSetSaysSoInsteadOfClaimingNoRisk() {
    var c = classifier.classify("Avete condiviso i miei dati personali senza il mio consenso.", "en");
    assertThat(c.language()).isEqualTo("it");
    assertThat(c.legalRisk()).isFalse();
    assertThat(c.sentimentScore()).isNull();
    assertThat(c.evidence()).containsExactly("no keyword set for language 'it': legal, churn and bug signals not checked");
  }

  @Test
  void aKeywordFileWithALineOutsideASectionIsRejected() {
    assertThatThrownBy(() -> KeywordSet.read("xx", new StringReader("gdpr\n[legal]\nprivacy\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
  }

  @Test
  void wildcardsMatchWordEndingsAndPhrasesMatchWholeWords() throws Exception {
    KeywordSet set = KeywordSet.read("xx", new StringReader("[negators]\nno\n[bug]\ncrash*\nstack trace\n[churn]\nleave\n"));
    assertThat(set.matches("It crashed twice").get(KeywordSet.Signal.BUG)).containsExactly("crash*");
    assertThat(set.matches("a stack of traces").get(KeywordSet.Signal.BUG)).isEmpty();
    assertThat(set.matches("Please leave the note").get(KeywordSet.Signal.CHURN)).containsExactly("leave");
    assertThat(set.matches("We have no leave").get(KeywordSet.Signal.CHURN)).isEmpty();
    assertThat(set.matches("leaves").get(KeywordSet.Signal.CHURN)).isEmpty();
  }
}
