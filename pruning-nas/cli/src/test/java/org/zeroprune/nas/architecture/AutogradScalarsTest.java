package org.zeroprune.nas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages where autograd code lives, the forward pass ({@code forward}) and the recovery
 * algorithms that differentiate through it ({@code reconstruct}), never hand DJL a bare number for an
 * operation that autograd keeps an operand of: DJL's {@code mul}, {@code div}, {@code maximum},
 * {@code minimum} and {@code pow} with a {@code Number} free that number's buffer at once, and a
 * backward pass through them reads freed memory (see {@code forward.Scalars}, which makes scalars
 * that live as long as the pass). A new package that records gradients joins {@link #AUTOGRAD_PACKAGES}.
 */
@AnalyzeClasses(packages = "org.zeroprune.nas",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NotFromTestJars.class})
class AutogradScalarsTest {
    /** Every package whose code runs under a gradient collector. */
    static final String[] AUTOGRAD_PACKAGES = {"..nas.forward..", "..nas.reconstruct.."};

    @ArchTest
    static final ArchRule AUTOGRAD_KEEPS_ITS_SCALARS = noClasses().that().resideInAnyPackage(AUTOGRAD_PACKAGES)
            .should().callMethod(NDArray.class, "mul", Number.class)
            .orShould().callMethod(NDArray.class, "div", Number.class)
            .orShould().callMethod(NDArray.class, "maximum", Number.class)
            .orShould().callMethod(NDArray.class, "minimum", Number.class)
            .orShould().callMethod(NDArray.class, "pow", Number.class)
            .because("autograd keeps the operand, and DJL frees a Number operand's buffer at once: use forward.Scalars");
}
