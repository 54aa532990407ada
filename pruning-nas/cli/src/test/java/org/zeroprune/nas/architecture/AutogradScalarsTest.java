package org.zeroprune.nas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The forward pass never hands DJL a bare number for an operation that autograd keeps an operand of:
 * DJL's {@code mul}, {@code div}, {@code maximum}, {@code minimum} and {@code pow} with a
 * {@code Number} free that number's buffer at once, and a backward pass through them reads freed
 * memory (see {@code forward.Scalars}, which makes scalars that live as long as the pass).
 */
@AnalyzeClasses(packages = "org.zeroprune.nas",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotFromTestJars.class})
class AutogradScalarsTest {
    @ArchTest
    static final ArchRule FORWARD_PASS_KEEPS_ITS_SCALARS = noClasses().that().resideInAPackage("..nas.forward..")
            .should().callMethod(NDArray.class, "mul", Number.class)
            .orShould().callMethod(NDArray.class, "div", Number.class)
            .orShould().callMethod(NDArray.class, "maximum", Number.class)
            .orShould().callMethod(NDArray.class, "minimum", Number.class)
            .orShould().callMethod(NDArray.class, "pow", Number.class)
            .because("autograd keeps the operand, and DJL frees a Number operand's buffer at once: use forward.Scalars");
}
