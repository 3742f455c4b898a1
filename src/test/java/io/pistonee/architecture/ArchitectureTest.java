package io.pistonee.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The house rules, read from the compiled framework and example: dependencies point one way. The
 * concept packages sit under the generic resource; problems know nothing but configuration; no two
 * concepts need each other; the framework never needs the example application, and the example
 * needs nothing but the API (no {@code internal} package).
 */
class ArchitectureTest {

    /** The framework's and the example's classes as Maven compiled them (not the tests). */
    private static final JavaClasses COMPILED =
            new ClassFileImporter().importPaths(Path.of("target", "classes"), Path.of("target", "example-classes"));

    private static final ArchRule problemsDependOnNothingButConfiguration = noClasses()
            .that()
            .resideInAPackage("io.pistonee.problem..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.pistonee..")
                    .and(not(resideInAnyPackage("io.pistonee.problem..", "io.pistonee.config.."))))
            .because("every package may throw and describe problems, so problems may need none of them");

    private static final ArchRule noConceptImportsTheResource = noClasses()
            .that()
            .resideOutsideOfPackage("io.pistonee.resource..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.pistonee.resource..")
            .because("the generic resource is the top of the house: it calls the concepts, never the reverse");

    private static final ArchRule noCyclesBetweenConcepts = slices().matching("io.pistonee.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a concept that needs another that needs it back is one concept in two places"
                    + " (a concept's API and its internal package are one concept)");

    private static final ArchRule theFrameworkNeverNeedsTheExample = noClasses()
            .that()
            .resideOutsideOfPackage("io.pistonee.example..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.pistonee.example..")
            .because("the framework ships without the example application");

    private static final ArchRule theExampleNeedsOnlyTheApi = noClasses()
            .that()
            .resideInAPackage("io.pistonee.example..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.pistonee..internal..")
            .because("an application is written against the API: internal packages may change in any release");

    @Test
    void problemsDependOnNothingButConfiguration() {
        problemsDependOnNothingButConfiguration.check(COMPILED);
    }

    @Test
    void noConceptImportsTheResource() {
        noConceptImportsTheResource.check(COMPILED);
    }

    @Test
    void noCyclesBetweenConcepts() {
        noCyclesBetweenConcepts.check(COMPILED);
    }

    @Test
    void theFrameworkNeverNeedsTheExample() {
        theFrameworkNeverNeedsTheExample.check(COMPILED);
    }

    @Test
    void theExampleNeedsOnlyTheApi() {
        theExampleNeedsOnlyTheApi.check(COMPILED);
    }
}
