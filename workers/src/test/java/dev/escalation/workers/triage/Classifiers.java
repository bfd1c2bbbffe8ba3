package dev.escalation.workers.triage;

import org.springframework.core.io.DefaultResourceLoader;

/** The real classifier with the default configuration, without a Spring context. */
final class Classifiers {
  private static TextClassifier instance;

  private Classifiers() {}

  static synchronized TextClassifier defaults() {
    if (instance == null) {
      TriageProperties properties = new TriageProperties(null, null, null, null, null);
      instance = new TextClassifier(new LanguageDetection(properties), new SentimentScorer(),
          new Keywords(properties, new DefaultResourceLoader()));
    }
    return instance;
  }
}
