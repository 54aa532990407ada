package org.zeroprune.plugin.zerolm;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.zeroprune.spi.testkit.ScoringStrategyContract;

/**
 * {@code zerolm} keeps the SPI's promises (the test kit's contract) with each α selection, which
 * decides what it requires: a candidate sampler (the default), labelled samples, or nothing.
 */
class ZeroLmContractTest {
    @Nested
    class SelfParameterCorrelation extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "zerolm";
        }
    }

    @Nested
    class BenchmarkSampling extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "zerolm";
        }

        @Override
        protected Map<String, String> options() {
            return Map.of("alpha-selection", "benchmark-sampling", "statistic", "stable-rank");
        }
    }

    @Nested
    class Fixed extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "zerolm";
        }

        @Override
        protected Map<String, String> options() {
            return Map.of("alpha-selection", "fixed", "alpha", "0.3");
        }
    }
}
