package dev.escalation.workers.triage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** The keyword sets per language, loaded once from {@code escalation.triage.keywords-location}. */
@Component
class Keywords {
  private final Map<String, KeywordSet> byLanguage = new HashMap<>();

  Keywords(TriageProperties properties, ResourceLoader resources) {
    for (String language : properties.keywordLanguages()) {
      Resource file = resources.getResource(properties.keywordsLocation() + language + ".txt");
      if (!file.exists()) {
        throw new IllegalStateException("escalation.triage.keyword-languages names '" + language + "', but "
            + properties.keywordsLocation() + language + ".txt does not exist");
      }
      try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
        byLanguage.put(language, KeywordSet.read(language, reader));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read keyword set " + file, e);
      }
    }
  }

  Optional<KeywordSet> of(String language) {
    return Optional.ofNullable(language == null ? null : byLanguage.get(language));
  }
}
