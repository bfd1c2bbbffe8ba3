package dev.escalation.workers.translation;

/**
 * No translation service configured ({@code escalation.translation.provider=none}, the default):
 * customer messages stay as written, the API reports {@code NOT_CONFIGURED} and a reply asked to be
 * translated is refused.
 */
public class NoTranslation implements Translator {

  @Override
  public String provider() {
    return "none";
  }

  @Override
  public boolean configured() {
    return false;
  }

  @Override
  public Translated translate(String text, String sourceLanguage, String targetLanguage) throws TranslationException {
    throw new TranslationException(true, "no translation service configured: set escalation.translation.provider"
        + " (env ESCALATION_TRANSLATION_PROVIDER) to libretranslate or deepl", null);
  }
}
