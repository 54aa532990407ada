package org.zeroprune.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin is written against the SPI alone (DESIGN.md): besides the JDK and the numeric
 * library it shades in, it may use nothing but {@code org.zeroprune.spi}, never the framework.
 */
@AnalyzeClasses(packages = "org.zeroprune.plugin", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginDependenciesTest {
    @ArchTest
    static final ArchRule ONLY_THE_SPI = classes().that().resideInAPackage("org.zeroprune.plugin..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.zeroprune.plugin..", "org.zeroprune.spi..",
                    "java..", "org.apache.commons.math3..", "");

    @ArchTest
    static final ArchRule NO_PLUGIN_PACKAGE_CYCLES = slices().matching("org.zeroprune.plugin.(*)..").should()
            .beFreeOfCycles();
}
