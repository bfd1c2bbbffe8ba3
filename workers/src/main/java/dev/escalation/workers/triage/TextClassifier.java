package dev.escalation.workers.triage;

import dev.escalation.workers.triage.KeywordSet.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Classifies one text: language, sentiment, and the legal-risk, churn-risk and product-bug signals. */
@Component
public class TextClassifier {
  private final LanguageDetection languages;
  private final SentimentScorer sentiment;
  private final Keywords keywords;

  TextClassifier(LanguageDetection languages, SentimentScorer sentiment, Keywords keywords) {
    this.languages = languages;
    this.sentiment = sentiment;
    this.keywords = keywords;
  }

  public enum LanguageSource {
    DETECTED,
    CUSTOMER_PROFILE
  }

  /**
   * @param language ISO 639-1, or null when neither the text nor the customer's profile tells
   * @param sentimentScore VADER compound in [-1, 1]; null when the language has no sentiment model
   * @param evidence what matched, e.g. {@code legal: gdpr}; or that the language has no keyword set
   */
  public record Classification(String language, LanguageSource languageSource, Double sentimentScore, String sentimentNote,
      boolean legalRisk, boolean churnRisk, boolean bugSignal, List<String> evidence) {}

  /** {@code profileLanguage}: the customer's language, used when the text is too short to tell. */
  public Classification classify(String text, String profileLanguage) {
    return classify(text, text, profileLanguage);
  }

  /**
   * {@code sentimentText}: the part VADER scores, the customer's prose (a ticket's description, not its subject line:
   * a title like "Checkout fails" is a label, and counting it again doubles VADER's reading of failure words).
   */
  public Classification classify(String text, String sentimentText, String profileLanguage) {
    var detected = languages.detect(text);
    String language = detected.orElse(profileLanguage == null ? null : KeywordSet.normalize(profileLanguage));
    LanguageSource source = detected.isPresent() ? LanguageSource.DETECTED : LanguageSource.CUSTOMER_PROFILE;
    SentimentScorer.Sentiment s = sentiment.score(sentimentText, language);
    List<String> evidence = new ArrayList<>();
    var set = keywords.of(language);
    if (set.isEmpty()) {
      evidence.add("no keyword set for " + (language == null ? "an undetected language" : "language '" + language + "'")
          + ": legal, churn and bug signals not checked");
      return new Classification(language, source, s.score(), s.note(), false, false, false, evidence);
    }
    Map<Signal, List<String>> hits = set.get().matches(text);
    hits.forEach((signal, phrases) -> phrases.forEach(p -> evidence.add(signal.name().toLowerCase() + ": " + p)));
    return new Classification(language, source, s.score(), s.note(), !hits.get(Signal.LEGAL).isEmpty(),
        !hits.get(Signal.CHURN).isEmpty(), !hits.get(Signal.BUG).isEmpty(), evidence);
  }
}
