package org.zeroprune.nas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The framework's packages, over its three modules (core, benchmarks, cli), point down the
 * pipeline: each layer uses only its own and the ones below, read → engines → latency → the model
 * runtime → search → reconstruct and export → measures → the pipelines → the benchmarks → the
 * command line, over a foundation everything may use. The rules run here, in the top module, whose test class path holds every
 * framework class; the core's test helpers (its test jar) are not part of the architecture. No
 * package cycle; no command-line, chart or progress-bar library outside {@code cli} and
 * {@code benchmark} (the core module does not even depend on them). A change that breaks one of these fails the build.
 */
@AnalyzeClasses(packages = "org.zeroprune.nas",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotFromTestJars.class})
class ArchitectureTest {
    /** Leaves out classes of a module's test jar ({@code *-tests.jar}), which other modules' tests use. */
    static final class NotFromTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.zeroprune.nas.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule LAYERS_POINT_DOWN = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("foundation").definedBy("org.zeroprune.nas", "..nas.io..")
            .layer("read").definedBy("..nas.checkpoint..", "..nas.importer..", "..nas.model..", "..nas.cost..", "..nas.corpus..")
            .layer("engines").definedBy("..nas.forward..", "..nas.onnxruntime..")
            .layer("latency").definedBy("..nas.latency..")
            .layer("runtime").definedBy("..nas.runtime..")
            .layer("search").definedBy("..nas.search..", "..nas.rank..", "..nas.plugin..", "..nas.engine..")
            .layer("reconstruct-export").definedBy("..nas.reconstruct..", "..nas.export..")
            .layer("measures").definedBy("..nas.quality..")
            .layer("pipelines").definedBy("..nas.prune..", "..nas.evaluate..", "..nas.config..", "..nas.api..")
            .layer("benchmarks").definedBy("..nas.benchmark..")
            .layer("cli").definedBy("..nas.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("benchmarks").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("pipelines").mayOnlyBeAccessedByLayers("benchmarks", "cli")
            .whereLayer("measures").mayOnlyBeAccessedByLayers("pipelines", "benchmarks", "cli")
            .whereLayer("reconstruct-export").mayOnlyBeAccessedByLayers("measures", "pipelines", "benchmarks", "cli")
            .whereLayer("search").mayOnlyBeAccessedByLayers("reconstruct-export", "measures", "pipelines", "benchmarks",
                    "cli")
            .whereLayer("runtime").mayOnlyBeAccessedByLayers("search", "reconstruct-export", "measures", "pipelines",
                    "benchmarks", "cli")
            .whereLayer("latency").mayOnlyBeAccessedByLayers("runtime", "search", "reconstruct-export", "measures",
                    "pipelines", "benchmarks", "cli")
            .whereLayer("engines").mayOnlyBeAccessedByLayers("latency", "runtime", "search", "reconstruct-export",
                    "measures", "pipelines", "benchmarks", "cli")
            .whereLayer("read").mayOnlyBeAccessedByLayers("engines", "latency", "runtime", "search", "reconstruct-export",
                    "measures", "pipelines", "benchmarks", "cli");

    @ArchTest
    static final ArchRule CORE_WITHOUT_USER_INTERFACE_LIBRARIES = noClasses()
            .that().resideOutsideOfPackages("..nas.cli..", "..nas.benchmark..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.jfree..", "me.tongfei..");

    /**
     * The framework finds strategies through ServiceLoader and never compiles against one: not the
     * shipped ones (on its class path at run time) and not a plugin's.
     */
    @ArchTest
    static final ArchRule FRAMEWORK_NEVER_USES_A_STRATEGY_DIRECTLY = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.zeroprune.strategies..", "org.zeroprune.plugin..");

    /**
     * Spark stays in the spark module (package {@code nas.spark}): the core, the benchmarks and the
     * command line, which the launcher builds by default, never load it.
     */
    @ArchTest
    static final ArchRule ONLY_THE_SPARK_MODULE_USES_SPARK = noClasses()
            .that().resideOutsideOfPackages("..nas.spark..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..");

    /**
     * The engine seam sits below the plugins and the search that score through it: it knows the SPI's
     * masks and the framework's exceptions, nothing of what it runs.
     */
    @ArchTest
    static final ArchRule ENGINE_SEAM_USES_ONLY_THE_FOUNDATION_AND_THE_SPI = classes()
            .that().resideInAPackage("..nas.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..nas.engine..", "org.zeroprune.nas",
                    "org.zeroprune.spi..", "java..");
}
