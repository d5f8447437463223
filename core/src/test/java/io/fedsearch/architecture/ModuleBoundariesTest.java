package io.fedsearch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the module layout of STYLE.md: one module per top-level package, its API at the package root, the rest
 * package-private or under internal/; providers know nothing of the core; compat only adapts.
 */
@AnalyzeClasses(packages = "io.fedsearch", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule searchInternalsOnlyForSearch = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.search..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.search.internal..");

    @ArchTest
    static final ArchRule historyInternalsOnlyForHistory = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.history..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.history.internal..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule accessInternalsOnlyForAccess = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.access..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.access.internal..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule insightsInternalsOnlyForInsights = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.insights..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.insights.internal..")
            .allowEmptyShould(true);

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
            // The messages kind's one public face: the seed-compatible /search needs its untrimmed search over the
            // upstream's items as they came, which the SPI (hits) cannot carry.
            .and().doNotHaveFullyQualifiedName("io.fedsearch.provider.messages.MessagesProvider")
            .and().doNotHaveFullyQualifiedName("io.fedsearch.provider.messages.MessagesPage")
            .should().notBePublic()
            .as("provider kinds (arxiv, messages, json) are package-private; the core sees them only through the SPI")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothingDependsOnCompat = noClasses()
            .that().resideOutsideOfPackage("io.fedsearch.compat..")
            .should().dependOnClassesThat().resideInAPackage("io.fedsearch.compat..");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();
}
