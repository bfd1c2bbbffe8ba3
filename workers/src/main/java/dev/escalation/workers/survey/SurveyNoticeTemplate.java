package dev.escalation.workers.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The survey notice's words, from {@code surveys/survey-notice[_<language>].properties} on the classpath
 * (the customer's language first, English otherwise), with its placeholders filled in.
 */
@Component
class SurveyNoticeTemplate {
  private static final String BASE = "surveys/survey-notice";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private final Map<String, Properties> byLanguage = new ConcurrentHashMap<>();

  record Notice(String subject, String body) {}

  Notice render(String language, Map<String, String> values) {
    Properties texts = texts(language);
    return new Notice(fill(texts.getProperty("subject"), values), fill(texts.getProperty("body"), values));
  }

  private Properties texts(String language) {
    String tag = language == null ? "" : language.toLowerCase(Locale.ROOT).split("-")[0];
    return byLanguage.computeIfAbsent(tag, t -> {
      Properties found = t.isEmpty() ? null : load(BASE + "_" + t + ".properties");
      return found != null ? found : load(BASE + ".properties");
    });
  }

  private static Properties load(String resource) {
    try (InputStream in = SurveyNoticeTemplate.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** One pass, so a value that itself reads like a placeholder (a customer named "{link}") stays as it is. */
  private static String fill(String template, Map<String, String> values) {
    return PLACEHOLDER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
  }
}
