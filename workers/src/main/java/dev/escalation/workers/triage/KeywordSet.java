package dev.escalation.workers.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The keyword sets of one language, read from a text file with sections {@code [negators]}, {@code [legal]},
 * {@code [churn]}, {@code [bug]} and {@code [bug-patterns]} (see {@code triage/keywords/en.txt}).
 */
final class KeywordSet {
  enum Signal {
    LEGAL,
    CHURN,
    BUG
  }

  private static final int NEGATION_WINDOW = 3;
  private static final Pattern CLAUSE = Pattern.compile("[.,;:!?¡¿()\\n]+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}']+");

  private final String language;
  private final Set<String> negators;
  private final Map<Signal, List<String[]>> phrases = new EnumMap<>(Signal.class);
  private final List<Pattern> bugPatterns;

  private KeywordSet(String language, Set<String> negators, Map<Signal, List<String[]>> phrases, List<Pattern> bugPatterns) {
    this.language = language;
    this.negators = negators;
    this.phrases.putAll(phrases);
    this.bugPatterns = bugPatterns;
  }

  static KeywordSet read(String language, Reader source) throws IOException {
    List<String> negators = new ArrayList<>();
    Map<Signal, List<String[]>> phrases = new EnumMap<>(Signal.class);
    for (Signal s : Signal.values()) {
      phrases.put(s, new ArrayList<>());
    }
    List<Pattern> patterns = new ArrayList<>();
    String section = null;
    int lineNo = 0;
    try (BufferedReader in = new BufferedReader(source)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String text = line.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        if (text.startsWith("[") && text.endsWith("]")) {
          section = text.substring(1, text.length() - 1);
          continue;
        }
        switch (section == null ? "" : section) {
          case "negators" -> negators.add(normalize(text));
          case "legal" -> phrases.get(Signal.LEGAL).add(phrase(text));
          case "churn" -> phrases.get(Signal.CHURN).add(phrase(text));
          case "bug" -> phrases.get(Signal.BUG).add(phrase(text));
          case "bug-patterns" -> patterns.add(Pattern.compile(text, Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE));
          default -> throw new IllegalArgumentException("keyword set " + language + " line " + lineNo
              + ": '" + text + "' is outside a known section ([negators], [legal], [churn], [bug], [bug-patterns])");
        }
      }
    }
    return new KeywordSet(language, Set.copyOf(negators), phrases, List.copyOf(patterns));
  }

  String language() {
    return language;
  }

  /** The phrases (and, for bugs, patterns) that match outside a negation, per signal. */
  Map<Signal, List<String>> matches(String text) {
    // A negation reaches to the end of its clause, not across punctuation ("if it isn't fixed, I cancel").
    List<String[]> clauses = CLAUSE.splitAsStream(text).map(KeywordSet::words).filter(c -> c.length > 0).toList();
    Map<Signal, List<String>> found = new EnumMap<>(Signal.class);
    for (var entry : phrases.entrySet()) {
      List<String> hits = new ArrayList<>();
      for (String[] phrase : entry.getValue()) {
        if (clauses.stream().anyMatch(tokens -> occursUnnegated(tokens, phrase))) {
          hits.add(String.join(" ", phrase));
        }
      }
      found.put(entry.getKey(), hits);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (Pattern p : bugPatterns) {
      var m = p.matcher(lower);
      if (m.find()) {
        found.get(Signal.BUG).add(m.group());
      }
    }
    return found;
  }

  private boolean occursUnnegated(String[] tokens, String[] phrase) {
    for (int start = 0; start + phrase.length <= tokens.length; start++) {
      if (matchesAt(tokens, start, phrase) && !negated(tokens, start)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAt(String[] tokens, int start, String[] phrase) {
    for (int i = 0; i < phrase.length; i++) {
      String word = phrase[i];
      String token = tokens[start + i];
      boolean ok = word.endsWith("*") ? token.startsWith(word.substring(0, word.length() - 1)) : token.equals(word);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private boolean negated(String[] tokens, int start) {
    for (int i = Math.max(0, start - NEGATION_WINDOW); i < start; i++) {
      if (negators.contains(tokens[i])) {
        return true;
      }
    }
    return false;
  }

  static String normalize(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }

  /** A phrase's words as {@link #words} splits a text, keeping a trailing {@code *} on a word. */
  static String[] phrase(String text) {
    return java.util.Arrays.stream(normalize(text).split("\\s+"))
        .map(w -> w.endsWith("*") ? words(w.substring(0, w.length() - 1))[0] + "*" : String.join(" ", words(w)))
        .flatMap(w -> java.util.Arrays.stream(w.split(" ")))
        .filter(w -> !w.isEmpty())
        .toArray(String[]::new);
  }

  static String[] words(String text) {
    return NON_WORD.splitAsStream(normalize(text)).map(w -> w.replaceAll("^'+|'+$", ""))
        .filter(w -> !w.isEmpty()).toArray(String[]::new);
  }

  @Override
  public String toString() {
    return language + phrases.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size())
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
