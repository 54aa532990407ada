package org.zeroprune.nas.architecture;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.config.CycleFixtureConfig;
import org.zeroprune.nas.forward.UpwardFixtureForward;
import org.zeroprune.nas.quality.UpwardFixtureEval;
import org.zeroprune.nas.reconstruct.ScalarFixtureReconstruct;
import org.zeroprune.nas.search.CycleFixtureSearch;

/**
 * The architecture rules catch the kinds of structure they exist to stop, rebuilt here from test
 * fixtures in the real packages: the search ↔ config cycle and the forward → eval dependency that
 * the framework once had, and a recovery objective handing DJL a bare number.
 */
class ArchitectureRulesFailTest {

    @Test
    void aPackageCycleFailsTheCycleRule() {
        JavaClasses cycle = new ClassFileImporter().importClasses(CycleFixtureSearch.class, CycleFixtureConfig.class);
        assertThrows(AssertionError.class, () -> ArchitectureTest.NO_PACKAGE_CYCLES.check(cycle));
    }

    @Test
    void anUpwardDependencyFailsTheLayerRule() {
        JavaClasses upward = new ClassFileImporter().importClasses(UpwardFixtureForward.class, UpwardFixtureEval.class);
        assertThrows(AssertionError.class, () -> ArchitectureTest.LAYERS_POINT_DOWN.check(upward));
    }

    @Test
    void aBareNumberInRecoveryCodeFailsTheScalarsRule() {
        JavaClasses bare = new ClassFileImporter().importClasses(ScalarFixtureReconstruct.class);
        assertThrows(AssertionError.class, () -> AutogradScalarsTest.AUTOGRAD_KEEPS_ITS_SCALARS.check(bare));
    }

    @Test
    void halfACycleIsNoCycle() {
        // the control: the same rule on one side of the cycle holds, so the failure above is the cycle's
        ArchitectureTest.NO_PACKAGE_CYCLES.check(new ClassFileImporter().importClasses(CycleFixtureConfig.class));
    }
}
