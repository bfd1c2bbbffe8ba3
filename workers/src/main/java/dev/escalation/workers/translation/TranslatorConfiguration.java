package dev.escalation.workers.translation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Translator}, chosen by {@code escalation.translation.provider}. */
@Configuration(proxyBeanMethods = false)
class TranslatorConfiguration {

  @Bean
  Translator translator(TranslationProperties properties) {
    return switch (properties.provider()) {
      case NONE -> new NoTranslation();
      case LIBRETRANSLATE -> {
        requireUrl(properties, "a LibreTranslate server's URL");
        yield new LibreTranslateTranslator(properties);
      }
      case DEEPL -> {
        if (properties.apiKey().isEmpty()) {
          throw new IllegalStateException("escalation.translation.provider=deepl needs escalation.translation.api-key"
              + " (env ESCALATION_TRANSLATION_API_KEY)");
        }
        yield new DeepLTranslator(properties);
      }
    };
  }

  private static void requireUrl(TranslationProperties properties, String what) {
    if (properties.url() == null) {
      throw new IllegalStateException("escalation.translation.provider=" + properties.provider().name().toLowerCase(java.util.Locale.ROOT)
          + " needs escalation.translation.url (env ESCALATION_TRANSLATION_URL): " + what);
    }
  }
}
