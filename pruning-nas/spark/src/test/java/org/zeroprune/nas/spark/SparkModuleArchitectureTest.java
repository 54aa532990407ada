package org.zeroprune.nas.spark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The spark engine reaches the core through its engine seam only (the engine interfaces, recipes and
 * masks, and the framework's exceptions): it never depends on how prune or evaluate work, so that the
 * pipelines can change without it. Its executor side does not reach back into the driver side, and
 * neither uses the benchmark, which drives the core as a pipeline does.
 */
@AnalyzeClasses(packages = "org.zeroprune.nas.spark", importOptions = ImportOption.DoNotIncludeTests.class)
class SparkModuleArchitectureTest {
    @ArchTest
    static final ArchRule ONLY_THE_ENGINE_SEAM_OF_THE_CORE = classes()
            .that().resideInAnyPackage("org.zeroprune.nas.spark", "org.zeroprune.nas.spark.executor")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.zeroprune.nas.spark..",
                    "org.zeroprune.nas.engine..", "org.zeroprune.nas", "org.zeroprune.spi..", "org.apache.spark..",
                    "scala..", "java..");

    @ArchTest
    static final ArchRule EXECUTORS_DO_NOT_USE_THE_DRIVER_SIDE = noClasses()
            .that().resideInAPackage("org.zeroprune.nas.spark.executor..")
            .should().dependOnClassesThat().resideInAPackage("org.zeroprune.nas.spark");

    @ArchTest
    static final ArchRule THE_ENGINE_DOES_NOT_USE_THE_BENCHMARK = noClasses()
            .that().resideInAnyPackage("org.zeroprune.nas.spark", "org.zeroprune.nas.spark.executor")
            .should().dependOnClassesThat().resideInAPackage("org.zeroprune.nas.spark.bench..");
}
