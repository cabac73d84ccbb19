package org.jointappeal.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure (docs/architecture.md, "Inside a service"): no package cycles; the
 * mechanisms (messaging, web, paging, idempotency) on the ground floor, importing no domain
 * package; the contract's event records in {@code events}, importing neither a REST type nor the
 * domain, so that an API change cannot change a v1 event.
 */
class ArchitectureTest {

  private static final String ROOT = "org.jointappeal.notification";

  private static final String[] MECHANISMS = {
    ROOT + ".messaging..", ROOT + ".web..", ROOT + ".paging..", ROOT + ".idempotency.."
  };

  private static final String[] DOMAIN = {
    ROOT + ".alert..",
    ROOT + ".known..",
    ROOT + ".delivery..",
    ROOT + ".dispatch..",
    ROOT + ".silence..",
    ROOT + ".stream..",
    ROOT + ".subscription..",
    ROOT + ".events.."
  };

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theMechanismsImportNoDomainPackage() {
    noClasses()
        .that()
        .resideInAnyPackage(MECHANISMS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DOMAIN)
        .check(CLASSES);
  }

  @Test
  void eventRecordsImportNoRestTypeAndNoDomainType() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            ROOT + ".web..",
            ROOT + ".alert..",
            ROOT + ".known..",
            ROOT + ".delivery..",
            ROOT + ".dispatch..",
            ROOT + ".silence..",
            ROOT + ".stream..",
            ROOT + ".subscription..")
        .check(CLASSES);
  }
}
