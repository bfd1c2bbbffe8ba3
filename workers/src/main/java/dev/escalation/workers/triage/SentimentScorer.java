package dev.escalation.workers.triage;

import com.vader.sentiment.analyzer.SentimentAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Sentiment: VADER (Hutto and Gilbert 2014; Java port {@code com.github.apanimesh061:vader-sentiment-analyzer})
 * for English, whose lexicon it is built on. Other languages are not scored: their score is null with the
 * reason, never an English score of a text VADER cannot read.
 */
@Component
class SentimentScorer {
  static final String SCORED_LANGUAGE = "en";

  record Sentiment(Double score, String note) {}

  SentimentScorer() {
    score("Loading the VADER lexicon now, not on the first ticket.", SCORED_LANGUAGE);
  }

  Sentiment score(String text, String language) {
    if (!SCORED_LANGUAGE.equals(language)) {
      return new Sentiment(null, "not scored: no sentiment model for "
          + (language == null ? "an undetected language" : "language '" + language + "'") + " (VADER is English only)");
    }
    try {
      SentimentAnalyzer analyzer = new SentimentAnalyzer(text);
      analyzer.analyze();
      Float compound = analyzer.getPolarity().get("compound");
      return new Sentiment(Math.round(compound * 10_000) / 10_000.0, "VADER compound score (English)");
    } catch (IOException e) {
      throw new UncheckedIOException("VADER could not tokenise the text", e);
    }
  }
}
