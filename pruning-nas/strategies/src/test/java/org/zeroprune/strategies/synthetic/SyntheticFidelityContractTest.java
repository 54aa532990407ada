package org.zeroprune.strategies.synthetic;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.zeroprune.spi.testkit.ScoringStrategyContract;

/**
 * {@code synthetic-fidelity} keeps the SPI's promises (the test kit's contract), on the kit's exact
 * forward pass: with its defaults, and with smaller sequences in each token mode.
 */
class SyntheticFidelityContractTest {
    @Nested
    class Defaults extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "synthetic-fidelity";
        }
    }

    @Nested
    class UniformTokens extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "synthetic-fidelity";
        }

        @Override
        protected Map<String, String> options() {
            return Map.of("tokens", "uniform", "sequences", "6", "length", "5");
        }
    }
}
