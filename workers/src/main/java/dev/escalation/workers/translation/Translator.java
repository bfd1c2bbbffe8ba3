package dev.escalation.workers.translation;

/** C2: the translation service, one port for every provider. */
public interface Translator {

  /** The provider's name as configured ({@code none}, {@code libretranslate}, {@code deepl}). */
  String provider();

  /** False for {@link NoTranslation}: then nothing is translated. */
  boolean configured();

  /**
   * {@code text} in {@code targetLanguage}. {@code sourceLanguage} null lets the service detect it,
   * and the answer names the language it detected.
   */
  Translated translate(String text, String sourceLanguage, String targetLanguage) throws TranslationException;
}
