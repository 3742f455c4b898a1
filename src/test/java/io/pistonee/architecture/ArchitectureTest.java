package io.pistonee.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.Set;

/**
 * The house rules, read from the compiled framework and example: dependencies point one way. The
 * concept packages sit under the generic resource; problems know nothing but configuration; no two
 * concepts need each other; the framework never needs the example application, and the example
 * needs nothing but the API (no {@code internal} package).
 */
@AnalyzeClasses(locations = ArchitectureTest.Compiled.class)
class ArchitectureTest {

    /** The framework's and the example's classes as Maven compiled them (not the tests). */
    static class Compiled implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            Path target = Path.of("target");
            return Set.of(Location.of(target.resolve("classes")), Location.of(target.resolve("example-classes")));
        }
    }

    @ArchTest
    static final ArchRule problemsDependOnNothingButConfiguration = noClasses()
            .that()
            .resideInAPackage("io.pistonee.problem..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.pistonee..")
                    .and(not(resideInAnyPackage("io.pistonee.problem..", "io.pistonee.config.."))))
            .because("every package may throw and describe problems, so problems may need none of them");

    @ArchTest
    static final ArchRule noConceptImportsTheResource = noClasses()
            .that()
            .resideOutsideOfPackage("io.pistonee.resource..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.pistonee.resource..")
            .because("the generic resource is the top of the house: it calls the concepts, never the reverse");

    @ArchTest
    static final ArchRule noCyclesBetweenConcepts = slices().matching("io.pistonee.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a concept that needs another that needs it back is one concept in two places"
                    + " (a concept's API and its internal package are one concept)");

    @ArchTest
    static final ArchRule theFrameworkNeverNeedsTheExample = noClasses()
            .that()
            .resideOutsideOfPackage("io.pistonee.example..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.pistonee.example..")
            .because("the framework ships without the example application");

    @ArchTest
    static final ArchRule theExampleNeedsOnlyTheApi = noClasses()
            .that()
            .resideInAPackage("io.pistonee.example..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.pistonee..internal..")
            .because("an application is written against the API: internal packages may change in any release");
}
