package dev.escalation.workers.translation;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The translation service ({@code escalation.translation.*}); see docs/translation.md.
 *
 * @param provider {@code none} (the default: nothing is translated and the API and UI say so),
 *     {@code libretranslate} or {@code deepl}
 * @param url the service's base URL: a LibreTranslate server (for example one the team hosts), or
 *     DeepL's API (default https://api.deepl.com, or https://api-free.deepl.com for a free key ending in {@code :fx})
 * @param apiKey the service's key (secret); LibreTranslate servers may run without one, DeepL needs one
 * @param teamLanguage the language the team reads (default {@code en}); customer messages are translated into it
 * @param timeout how long one call to the service may take
 * @param maxAttempts how often a customer message's translation is tried before it is recorded FAILED
 * @param backoff the wait after the first transient failure; it doubles with each further one
 */
@ConfigurationProperties("escalation.translation")
public record TranslationProperties(Provider provider, URI url, String apiKey, String teamLanguage, Duration timeout,
    Integer maxAttempts, Duration backoff) {

  public enum Provider {
    NONE,
    LIBRETRANSLATE,
    DEEPL
  }

  public TranslationProperties {
    provider = provider == null ? Provider.NONE : provider;
    apiKey = apiKey == null ? "" : apiKey.strip();
    teamLanguage = teamLanguage == null || teamLanguage.isBlank() ? "en" : teamLanguage.strip().toLowerCase(Locale.ROOT);
    url = url != null ? url : provider == Provider.DEEPL ? deepLUrl(apiKey) : null;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    maxAttempts = maxAttempts == null || maxAttempts < 1 ? 5 : maxAttempts;
    backoff = backoff == null ? Duration.ofSeconds(5) : backoff;
  }

  /** DeepL serves free keys (suffix {@code :fx}) on a host of its own. */
  private static URI deepLUrl(String apiKey) {
    return URI.create(apiKey.endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com");
  }

  /** The base URL with no trailing slash, for appending the endpoint's path. */
  String base() {
    return url.toString().replaceAll("/+$", "");
  }
}
