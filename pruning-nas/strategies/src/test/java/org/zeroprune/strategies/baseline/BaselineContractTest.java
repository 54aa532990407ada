package org.zeroprune.strategies.baseline;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.zeroprune.spi.testkit.ScoringStrategyContract;

/** The baselines keep the SPI's promises (the test kit's contract). */
class BaselineContractTest {
    @Nested
    class Params extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "params";
        }
    }

    @Nested
    class Flops extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "flops";
        }
    }

    @Nested
    class Magnitude extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "magnitude";
        }
    }

    @Nested
    class Random extends ScoringStrategyContract {
        @Override
        protected String strategyName() {
            return "random";
        }

        @Override
        protected Map<String, String> options() {
            return Map.of("seed", "3");
        }
    }
}
