package dev.escalation.processes.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every domain rule id the repository cites (H2, T8, A1, ...) is defined in docs/rules.md, so a
 * reader who meets "T8" in an error message, a model or a test can look it up.
 *
 * <p>A rule is defined by a heading of its own in docs/rules.md ({@code ### T8 First contact
 * first}). A citation is one of the catalogue's letters followed by a number from 1 up (rule ids
 * start at 1, so hex bytes such as {@code A0} are not citations), standing alone:
 * not inside a word or a number ({@code PT16M}, {@code sha256}), nor in encoded data (preceded or
 * followed by {@code + / =}). The test module's working directory is {@code processes/}, so the
 * repository is its parent.
 */
class RuleCitationsTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path RULES = REPOSITORY.resolve("docs/rules.md");

  private static final Pattern DEFINITION = Pattern.compile("^#{2,4} ([HTANCWSRM]\\d+) \\S", Pattern.MULTILINE);
  private static final Pattern CITATION = Pattern.compile("(?<![\\w+/=])[HTANCWSRM][1-9]\\d*(?![\\w+/=])");
  private static final Pattern FILE_REFERENCE = Pattern.compile("`([\\w.-]+\\.(?:java|bpmn|dmn|form|sql))`");

  private static final Set<String> CITING_FILE_TYPES =
      Set.of(".java", ".bpmn", ".dmn", ".md", ".form", ".json", ".properties", ".sql", ".js", ".html");
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".mvn");

  @Test
  void everyRuleIdCitedInTheRepositoryIsDefinedInDocsRules() {
    Set<String> defined = definedRules();
    Map<String, Set<String>> undefined = new TreeMap<>();
    for (Path file : citingFiles()) {
      Matcher citation = CITATION.matcher(read(file));
      while (citation.find()) {
        if (!defined.contains(citation.group())) {
          undefined.computeIfAbsent(citation.group(), id -> new TreeSet<>()).add(REPOSITORY.relativize(file).toString());
        }
      }
    }

    assertThat(undefined).as("rule ids cited but not defined in docs/rules.md, with the files citing them").isEmpty();
  }

  @Test
  void docsRulesDefinesTheWholeCatalogueOnce() {
    List<String> headings = DEFINITION.matcher(read(RULES)).results().map(match -> match.group(1)).toList();

    assertThat(headings).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(headings))
        .containsAll(range("H", 6)).containsAll(range("T", 8)).containsAll(range("A", 3))
        .containsAll(range("N", 4)).containsAll(range("C", 5)).containsAll(range("W", 4))
        .containsAll(range("S", 5)).containsAll(range("R", 2)).containsAll(range("M", 9));
  }

  @Test
  void everyFileDocsRulesNamesExists() {
    Set<String> fileNames = allFiles().map(file -> file.getFileName().toString()).collect(Collectors.toSet());

    List<String> missing =
        FILE_REFERENCE.matcher(read(RULES)).results()
            .map(match -> match.group(1))
            .filter(name -> !fileNames.contains(name))
            .distinct()
            .toList();

    assertThat(missing).as("files named in docs/rules.md that the repository does not have").isEmpty();
  }

  private static Set<String> definedRules() {
    return DEFINITION.matcher(read(RULES)).results().map(match -> match.group(1)).collect(Collectors.toSet());
  }

  private static List<String> range(String letter, int last) {
    return Stream.iterate(1, n -> n <= last, n -> n + 1).map(n -> letter + n).toList();
  }

  private static List<Path> citingFiles() {
    return allFiles()
        .filter(file -> CITING_FILE_TYPES.stream().anyMatch(type -> file.getFileName().toString().endsWith(type)))
        .toList();
  }

  private static Stream<Path> allFiles() {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(REPOSITORY, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          boolean skipped = SKIPPED_DIRECTORIES.contains(dir.getFileName().toString()) && !dir.equals(REPOSITORY);
          return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          files.add(file);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files.stream();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
