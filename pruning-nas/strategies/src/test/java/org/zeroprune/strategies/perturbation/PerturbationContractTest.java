package org.zeroprune.strategies.perturbation;

import org.zeroprune.spi.testkit.ScoringStrategyContract;

/** {@code perturbation} keeps the SPI's promises (the test kit's contract). */
class PerturbationContractTest extends ScoringStrategyContract {
    @Override
    protected String strategyName() {
        return "perturbation";
    }
}
