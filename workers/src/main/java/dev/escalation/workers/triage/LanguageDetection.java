package dev.escalation.workers.triage;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Language detection with Lingua (its n-gram models ship in its jar; nothing is downloaded). The models of the
 * configured languages load when the app starts. High-accuracy mode by default: the low-accuracy mode leaves short
 * Spanish sentences undetected (measured on the labelled set, see docs/criteria-and-triage.md).
 */
@Component
class LanguageDetection {
  private final LanguageDetector detector;

  LanguageDetection(TriageProperties properties) {
    Language[] languages = properties.detectionLanguages().stream()
        .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
        .toArray(Language[]::new);
    // Loaded at start, not on the first ticket: loading takes seconds, and SLA clocks start right after triage.
    var builder = LanguageDetectorBuilder.fromLanguages(languages)
        .withMinimumRelativeDistance(properties.minimumRelativeDistance())
        .withPreloadedLanguageModels();
    detector = (properties.lowAccuracyMode() ? builder.withLowAccuracyMode() : builder).build();
  }

  /** The ISO 639-1 code, or empty when the text is too short or too ambiguous to tell. */
  Optional<String> detect(String text) {
    Language language = detector.detectLanguageOf(text);
    return language == Language.UNKNOWN
        ? Optional.empty()
        : Optional.of(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT));
  }
}
