package org.racelab.harness.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The stages' directions: catalog -> runners -> bundle -> report and compare, each in a package
 * of its own. These rules read the compiled classes, so an import that breaks a direction fails
 * the build, whatever the file looks like.
 */
class StagesTest {

    private static final String ROOT = "org.racelab.harness";
    private static final String[] RUNNERS = {ROOT + ".stress..", ROOT + ".vrace..", ROOT + ".bench..",
            ROOT + ".sched..", ROOT + ".model.."};
    private static final String[] PRESENTATION = {ROOT + ".report..", ROOT + ".console..", ROOT + ".chart..",
            ROOT + ".cli..", ROOT + ".compare.."};

    private static JavaClasses harness;

    @BeforeAll
    static void importHarness() {
        harness = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void runnersMeasureAndNeverSpeakToPeople() {
        check(noClasses().that().resideInAnyPackage(RUNNERS)
                .should().dependOnClassesThat().resideInAnyPackage(PRESENTATION)
                .because("a runner fills the bundle; what people see is drawn from the bundle afterwards"));
    }

    @Test
    void reportsAndComparisonsReadBundlesAndRunNothing() {
        check(noClasses().that().resideInAnyPackage(ROOT + ".report..", ROOT + ".compare..")
                .should().dependOnClassesThat().resideInAnyPackage(RUNNERS)
                .orShould().dependOnClassesThat().resideInAnyPackage(ROOT + ".run..", ROOT + ".vm..",
                        ROOT + ".catalog..", ROOT + ".machine..", ROOT + ".profile..")
                .because("a report or a comparison reads bundles, which may come from other machines, and runs nothing"));
    }

    @Test
    void terminalAndChartsRunNothing() {
        check(noClasses().that().resideInAnyPackage(ROOT + ".console..", ROOT + ".chart..")
                .should().dependOnClassesThat().resideInAnyPackage(RUNNERS)
                .orShould().dependOnClassesThat().resideInAnyPackage(ROOT + ".run..", ROOT + ".vm..")
                .because("what people see is drawn from the bundle (or, for 'racelab list', from the catalog)"));
    }

    @Test
    void gradesAreReadFromBundlesAndRunNothing() {
        check(noClasses().that().resideInAPackage(ROOT + ".grade..")
                .should().dependOnClassesThat().resideInAnyPackage(RUNNERS)
                .orShould().dependOnClassesThat().resideInAnyPackage(ROOT + ".run..", ROOT + ".vm..",
                        ROOT + ".catalog..", ROOT + ".machine..", ROOT + ".profile..", ROOT + ".lab..",
                        ROOT + ".cli..", ROOT + ".report..", ROOT + ".compare..")
                .because("a grade is read from a bundle, which may be a student's from another machine, and runs"
                        + " nothing: grading a submission again is reading its bundle again"));
    }

    @Test
    void runnersKnowNothingOfLabs() {
        check(noClasses().that().resideInAnyPackage(RUNNERS)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".lab..", ROOT + ".grade..")
                .because("a lab is a case catalog of its own that joins the one data path; the runners stay as they are"));
    }

    @Test
    void theBundleImportsNothingOfRacelabButItsOwnTypes() {
        check(noClasses().that().resideInAPackage(ROOT + ".bundle..")
                .should().dependOnClassesThat(racelabOutside(ROOT + ".bundle"))
                .because("the schema racelab.bundle/1 must not change when a runner's or the catalog's types do"));
    }

    @Test
    void formattingDependsOnNoStage() {
        check(noClasses().that().resideInAPackage(ROOT + ".format..")
                .should().dependOnClassesThat(racelabOutside(ROOT + ".format"))
                .because("every stage may format a figure; formatting knows no stage"));
    }

    @Test
    void noPackageCycles() {
        check(slices().matching(ROOT + ".(*)..").should().beFreeOfCycles());
    }

    private static DescribedPredicate<JavaClass> racelabOutside(String pkg) {
        return DescribedPredicate.describe("racelab classes outside " + pkg,
                c -> c.getPackageName().startsWith("org.racelab") && !c.getPackageName().equals(pkg)
                        && !c.getPackageName().startsWith(pkg + "."));
    }

    private static void check(ArchRule rule) {
        rule.check(harness);
    }
}
