package dev.sweep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.sweep.run.RunThatKnowsTheFarm;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The map of sweep-core, enforced: packages depend only in the direction data flows
 * (space -> run -> data, farm -> run/store/space/data, traj -> store/data, store -> data,
 * follow -> data), and the core knows no file
 * format, table library or cluster client. Each rule is also shown to fail on a class that breaks it.
 */
class ArchitectureTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.sweep");
  }

  /** The rules, by what they protect. */
  static List<ArchRule> rules() {
    return List.of(
        noClasses().that().resideInAPackage("dev.sweep.data..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sweep.space..", "dev.sweep.run..",
                "dev.sweep.farm..", "dev.sweep.store..")
            .as("the data model knows nothing of spaces, runs, farmers or storage"),
        noClasses().that().resideInAPackage("dev.sweep.space..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sweep.run..", "dev.sweep.farm..", "dev.sweep.store..")
            .as("the parameter space knows nothing of running it or keeping results"),
        noClasses().that().resideInAPackage("dev.sweep.run..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sweep.farm..", "dev.sweep.store..")
            .as("the run layer knows nothing of farmers or storage"),
        noClasses().that().resideInAPackage("dev.sweep.store..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sweep.space..", "dev.sweep.run..", "dev.sweep.farm..")
            .as("the storage ports speak only of data"),
        noClasses().that().resideInAPackage("dev.sweep..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sweep.io..", "dev.sweep.cli..", "tech.tablesaw..",
                "ucar..", "com.fasterxml..", "java.awt..", "javax.imageio..", "org.apache.spark..")
            .as("the core knows no file format, table library, plotting or cluster client"),
        noClasses().that().resideOutsideOfPackage("dev.sweep.testing..")
            .should().dependOnClassesThat().resideInAPackage("dev.sweep.testing..")
            .as("the test helpers are used by tests only"),
        slices().matching("dev.sweep.(*)..").should().beFreeOfCycles()
            .as("packages are free of cycles"),
        noClasses().that().resideInAPackage("dev.sweep.traj..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sweep.space..", "dev.sweep.run..", "dev.sweep.farm..")
            .as("trajectories speak of data and storage, not of sweeps"),
        noClasses().that().resideInAnyPackage("dev.sweep.data..", "dev.sweep.store..")
            .should().dependOnClassesThat().resideInAPackage("dev.sweep.traj..")
            .as("the data model and the storage ports know nothing of trajectories"),
        noClasses().that().resideInAPackage("dev.sweep.follow..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sweep.space..", "dev.sweep.run..", "dev.sweep.farm..",
                "dev.sweep.store..", "dev.sweep.traj..")
            .as("the follower speaks of data only, through its own port"),
        noClasses().that().resideOutsideOfPackage("dev.sweep.follow..")
            .should().dependOnClassesThat().resideInAPackage("dev.sweep.follow..")
            .as("nothing else in the core knows the follower"));
  }

  @Test
  void theCoreKeepsItsMap() {
    for (ArchRule rule : rules()) rule.check(core);
  }

  @Test
  void aClassThatBreaksTheMapIsCaught() {
    JavaClasses bad = new ClassFileImporter().importClasses(RunThatKnowsTheFarm.class);
    AssertionError e = assertThrows(AssertionError.class, () -> rules().get(2).check(bad));
    assertTrue(e.getMessage().contains("the run layer knows nothing of farmers or storage"), e.getMessage());
    assertTrue(e.getMessage().contains("RunThatKnowsTheFarm"), e.getMessage());
  }
}
