package io.fedsearch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the module layout of STYLE.md: one module per top-level package, its API at the package root, the rest
 * package-private or under internal/; modules depend downward only (no cycle); providers know nothing of the core;
 * compat only adapts. Every rule must match something (ArchUnit's default {@code failOnEmptyShould}), so a rule
 * about a package that does not exist fails instead of passing.
 */
@AnalyzeClasses(packages = "io.fedsearch",
        importOptions = {ImportOption.DoNotIncludeTests.class, ModuleBoundariesTest.NoTestJars.class})
class ModuleBoundariesTest {

    /** The kinds' test fixtures (their test-jars, such as arXiv's saved answers) are no part of the layout. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule searchInternalsOnlyForSearch = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.search..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.search.internal..");

    @ArchTest
    static final ArchRule historyInternalsOnlyForHistory = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.history..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.history.internal..");

    @ArchTest
    static final ArchRule modulesFormNoCycle = slices().matching("io.fedsearch.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule providersDoNotKnowTheCore = noClasses()
            .that().resideInAPackage("io.fedsearch.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("io.fedsearch.search..", "io.fedsearch.resilience..",
                    "io.fedsearch.history..", "io.fedsearch.access..", "io.fedsearch.insights..", "io.fedsearch.compat..");

    @ArchTest
    static final ArchRule providerKindsStayPrivate = classes()
            .that().resideInAnyPackage("io.fedsearch.provider.*..")
            .and().areTopLevelClasses()
            .and().areNotInterfaces()
            // What Spring Boot and the binder must reach: a kind's auto-configuration and its settings record.
            .and().haveSimpleNameNotEndingWith("KindConfiguration")
            .and().haveSimpleNameNotEndingWith("Settings")
            .should().notBePublic()
            .as("provider kinds are package-private; the core sees them only through the SPI");

    @ArchTest
    static final ArchRule nothingDependsOnCompat = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.compat..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.compat..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();
}
