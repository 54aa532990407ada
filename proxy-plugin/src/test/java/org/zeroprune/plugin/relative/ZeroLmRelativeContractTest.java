package org.zeroprune.plugin.relative;

import org.zeroprune.spi.testkit.ScoringStrategyContract;

/** {@code zerolm-relative} keeps the SPI's promises (the test kit's contract). */
class ZeroLmRelativeContractTest extends ScoringStrategyContract {
    @Override
    protected String strategyName() {
        return "zerolm-relative";
    }
}
