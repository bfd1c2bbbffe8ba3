package dev.escalation.workers.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Map;

/**
 * LibreTranslate's {@code POST /translate} ({@code q}, {@code source} or {@code "auto"},
 * {@code target}, {@code format}, {@code api_key}); the answer carries {@code translatedText} and,
 * when the source was detected, {@code detectedLanguage.language}. Errors answer {@code {"error": ...}}.
 */
class LibreTranslateTranslator implements Translator {
  private final TranslationProperties properties;

  LibreTranslateTranslator(TranslationProperties properties) {
    this.properties = properties;
  }

  @Override
  public String provider() {
    return "libretranslate";
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public Translated translate(String text, String sourceLanguage, String targetLanguage) throws TranslationException {
    ObjectNode body = ProviderCall.JSON.createObjectNode();
    body.put("q", text);
    body.put("source", sourceLanguage == null ? "auto" : sourceLanguage);
    body.put("target", targetLanguage);
    body.put("format", "text");
    if (!properties.apiKey().isEmpty()) {
      body.put("api_key", properties.apiKey());
    }
    JsonNode answer = ProviderCall.post("LibreTranslate", URI.create(properties.base() + "/translate"), Map.of(),
        body.toString(), properties.timeout(), "error");
    if (!answer.path("translatedText").isTextual()) {
      throw new TranslationException(false, "LibreTranslate answered without translatedText: " + answer, null);
    }
    JsonNode detected = answer.path("detectedLanguage").path("language");
    return new Translated(answer.path("translatedText").asText(), detected.isTextual() ? detected.asText() : null);
  }
}
