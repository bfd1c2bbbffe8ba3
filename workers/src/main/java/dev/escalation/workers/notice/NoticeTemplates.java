package dev.escalation.workers.notice;

import dev.escalation.workers.ticket.TicketProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * C2: writes customer notices from template files in the customer's language, falling back to
 * English. Files live in the workers' resources under {@code notices/<language>/} and may be
 * replaced one by one from {@code escalation.notices.template-dir} (see docs/email-and-notices.md).
 *
 * <p>A template file is a {@code Subject:} line, an empty line and the body; {@code {name}} is a
 * placeholder. A template that uses a placeholder its notice does not provide, or a call that
 * leaves one without a value, throws instead of sending a notice with a hole in it.
 */
@Component
public class NoticeTemplates {
  public static final String FALLBACK_LANGUAGE = "en";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
  private static final String SUBJECT = "Subject:";

  private final Path overrides;
  private final ZoneId zone;

  NoticeTemplates(NoticeProperties properties, TicketProperties tickets) {
    this.overrides = properties.templateDir();
    this.zone = ZoneId.of(tickets.zone());
  }

  /** The notice in the customer's language, or in English when there is no template for it. */
  public RenderedNotice render(NoticeTemplate template, String customerLanguage, Map<String, String> values) {
    for (String given : values.keySet()) {
      if (!template.placeholders().contains(given)) {
        throw new IllegalArgumentException(template + " has no placeholder {" + given + "}");
      }
    }
    String language = languageOf(customerLanguage);
    String file = template.file() + ".txt";
    String used = read(language, file).isPresent() ? language : FALLBACK_LANGUAGE;
    String name = "notices/" + used + "/" + file;
    String text = read(used, file).orElseThrow(() -> new IllegalStateException(
        "no template " + name + " (neither bundled nor in escalation.notices.template-dir)"));
    text = text.replace("\r\n", "\n");
    int blank = text.indexOf("\n\n");
    if (!text.startsWith(SUBJECT) || blank < 0) {
      throw new IllegalStateException(name + " must start with a 'Subject:' line followed by an empty line");
    }
    String subject = fill(name, template, text.substring(SUBJECT.length(), blank).strip(), values);
    String body = fill(name, template, text.substring(blank + 2), values).stripTrailing();
    return new RenderedNotice(used, subject.replaceAll("\\s*[\\r\\n]+\\s*", " "), body);
  }

  /** A word of the language's {@code words.properties} (for example {@code tier.2}), else the English one. */
  public String word(String customerLanguage, String key) {
    String value = words(languageOf(customerLanguage)).getProperty(key);
    if (value == null) {
      throw new IllegalStateException("no word '" + key + "' in notices/" + FALLBACK_LANGUAGE + "/words.properties");
    }
    return value;
  }

  /**
   * An instant as the customer reads it: the language's {@code date.pattern} in the support time
   * zone, with the language's day and month names; in English for a language without words.
   */
  public String date(String customerLanguage, Instant instant) {
    String language = languageOf(customerLanguage);
    if (read(language, "words.properties").isEmpty()) {
      language = FALLBACK_LANGUAGE;
    }
    Locale locale = Locale.forLanguageTag(language);
    return DateTimeFormatter.ofPattern(word(language, "date.pattern"), locale).format(instant.atZone(zone));
  }

  /** The two- or three-letter language of a tag such as "de-CH" or "fr_FR"; English when there is none. */
  public static String languageOf(String tag) {
    if (tag == null || tag.isBlank()) {
      return FALLBACK_LANGUAGE;
    }
    String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
    return LANGUAGE.matcher(language).matches() ? language : FALLBACK_LANGUAGE;
  }

  private String fill(String name, NoticeTemplate template, String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String placeholder = matcher.group(1);
      if (!template.placeholders().contains(placeholder)) {
        throw new IllegalStateException(name + " uses {" + placeholder + "}, which " + template
            + " does not provide; it provides " + new TreeSet<>(template.placeholders()));
      }
      String value = values.get(placeholder);
      if (value == null) {
        throw new IllegalStateException(name + " needs a value for {" + placeholder + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** English words, overlaid with the language's bundled words, overlaid with the edited ones. */
  private Properties words(String language) {
    Properties words = new Properties();
    for (String layer : language.equals(FALLBACK_LANGUAGE) ? new String[] {language} : new String[] {FALLBACK_LANGUAGE, language}) {
      bundled(layer, "words.properties").ifPresent(text -> load(words, text));
      edited(layer, "words.properties").ifPresent(text -> load(words, text));
    }
    return words;
  }

  private Optional<String> read(String language, String file) {
    return edited(language, file).or(() -> bundled(language, file));
  }

  private Optional<String> edited(String language, String file) {
    if (overrides == null) {
      return Optional.empty();
    }
    Path path = overrides.resolve(language).resolve(file);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the notice template " + path + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> bundled(String language, String file) {
    String resource = "notices/" + language + "/" + file;
    try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled notice template " + resource, e);
    }
  }

  private static void load(Properties words, String text) {
    try {
      words.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
