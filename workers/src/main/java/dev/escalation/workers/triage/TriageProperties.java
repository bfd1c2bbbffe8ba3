package dev.escalation.workers.triage;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keywordsLocation where the keyword sets live, one {@code <language>.txt} per language (Spring resource
 *     location, e.g. {@code file:/etc/escalation/keywords/})
 * @param keywordLanguages languages with a keyword set (ISO 639-1)
 * @param detectionLanguages languages the detector chooses from; a text in another language is reported as unknown
 *     or as the closest of these
 * @param minimumRelativeDistance Lingua's minimum distance between the best and the second-best language; below it
 *     the language is unknown and the customer's profile language is used
 * @param lowAccuracyMode Lingua's low-accuracy mode: trigram models only, far less memory, but weaker on short texts
 */
@ConfigurationProperties("escalation.triage")
public record TriageProperties(
    String keywordsLocation, List<String> keywordLanguages, List<String> detectionLanguages, Double minimumRelativeDistance,
    Boolean lowAccuracyMode) {
  public TriageProperties {
    keywordsLocation = keywordsLocation == null ? "classpath:triage/keywords/" : keywordsLocation;
    keywordLanguages = keywordLanguages == null ? List.of("en", "de", "fr", "es") : List.copyOf(keywordLanguages);
    detectionLanguages = detectionLanguages == null ? List.of("en", "de", "fr", "es", "it", "nl", "pt") : List.copyOf(detectionLanguages);
    minimumRelativeDistance = minimumRelativeDistance == null ? 0.0 : minimumRelativeDistance;
    lowAccuracyMode = lowAccuracyMode != null && lowAccuracyMode;
    if (detectionLanguages.size() < 2) {
      throw new IllegalArgumentException("escalation.triage.detection-languages needs at least two languages");
    }
    if (minimumRelativeDistance < 0 || minimumRelativeDistance > 0.99) {
      throw new IllegalArgumentException("escalation.triage.minimum-relative-distance must be in [0, 0.99]");
    }
  }
}
