package io.atsbridge.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Providers are isolated (DESIGN.md principle 3, STYLE.md layout): the core and the board API speak only the
 * canonical model, one provider never reaches into another, and the simulators are reachable only over HTTP.
 * Provider and sandbox packages may not exist yet in a branch, hence allowEmptyShould on their rules.
 */
@AnalyzeClasses(packages = "io.atsbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreAndApiKnowNoProvider = noClasses()
            .that().resideInAnyPackage("io.atsbridge.core..", "io.atsbridge.api..")
            .should().dependOnClassesThat().resideInAnyPackage("io.atsbridge.provider..", "io.atsbridge.sandbox..")
            .because("the core talks to providers only through io.atsbridge.core.provider and the canonical model");

    @ArchTest
    static final ArchRule leverDoesNotUseGreenhouse = noClasses()
            .that().resideInAPackage("io.atsbridge.provider.lever..")
            .should().dependOnClassesThat().resideInAPackage("io.atsbridge.provider.greenhouse..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule greenhouseDoesNotUseLever = noClasses()
            .that().resideInAPackage("io.atsbridge.provider.greenhouse..")
            .should().dependOnClassesThat().resideInAPackage("io.atsbridge.provider.lever..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheSandboxUsesTheSandbox = noClasses()
            .that().resideOutsideOfPackage("io.atsbridge.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("io.atsbridge.sandbox..")
            .because("the simulators are an ATS seen over HTTP (baseUrl), never a shortcut in code");
}
