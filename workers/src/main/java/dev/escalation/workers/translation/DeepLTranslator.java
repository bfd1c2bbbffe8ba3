package dev.escalation.workers.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * DeepL's {@code POST /v2/translate} with {@code Authorization: DeepL-Auth-Key <key>} and a JSON body
 * {@code {"text": [...], "target_lang": ..., "source_lang": ...}}; the answer is
 * {@code {"translations": [{"detected_source_language": "DE", "text": ...}]}}. Errors answer
 * {@code {"message": ...}}: 403 a bad key, 456 the quota used up (both permanent), 429 and 5xx transient.
 */
class DeepLTranslator implements Translator {
  private final TranslationProperties properties;

  DeepLTranslator(TranslationProperties properties) {
    this.properties = properties;
  }

  @Override
  public String provider() {
    return "deepl";
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public Translated translate(String text, String sourceLanguage, String targetLanguage) throws TranslationException {
    ObjectNode body = ProviderCall.JSON.createObjectNode();
    body.putArray("text").add(text);
    body.put("target_lang", target(targetLanguage));
    if (sourceLanguage != null) {
      body.put("source_lang", sourceLanguage.toUpperCase(Locale.ROOT));
    }
    JsonNode answer = ProviderCall.post("DeepL", URI.create(properties.base() + "/v2/translate"),
        Map.of("Authorization", "DeepL-Auth-Key " + properties.apiKey()), body.toString(), properties.timeout(), "message");
    JsonNode first = answer.path("translations").path(0);
    if (!first.path("text").isTextual()) {
      throw new TranslationException(false, "DeepL answered without translations[0].text: " + answer, null);
    }
    JsonNode detected = first.path("detected_source_language");
    return new Translated(first.path("text").asText(),
        detected.isTextual() ? detected.asText().toLowerCase(Locale.ROOT) : null);
  }

  /** DeepL wants a variant for English and Portuguese as targets ("EN" alone is deprecated there). */
  static String target(String language) {
    String upper = language.toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "EN" -> "EN-GB";
      case "PT" -> "PT-PT";
      default -> upper;
    };
  }
}
