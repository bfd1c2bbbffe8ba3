package dev.escalation.workers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package by feature, with dependencies in one direction only. */
class PackageStructureTest {
  private final com.tngtech.archunit.core.domain.JavaClasses classes =
      new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.escalation.workers");

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("dev.escalation.workers.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void timeComesFromTheInjectedClock() {
    noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .because("time comes from the injected java.time.Clock, so the engine's clock and the app's move together")
        .check(classes);
  }

  @Test
  void theLedgerIsNotReachedFromTheEngineModel() {
    noClasses().that().resideInAPackage("dev.escalation.workers.audit..")
        .should().dependOnClassesThat().resideInAnyPackage("io.camunda..")
        .check(classes);
  }
}
