package org.zeroprune.nas.benchmark.flexibert;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.WeightView;

/**
 * A test-scope strategy that reads weights and the context's sampler: score = Σ over every matrix
 * of {@code ‖W‖²_F / min(m, n)} (the dense model only); details report the parameter counts of a
 * few sampled candidates, drawn with the context's seed.
 */
final class CapacitySumTestProvider implements ScoringStrategyProvider {
    @Override
    public String name() {
        return "test-capacity-sum";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "sum of matrix capacities (tests only)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.ofInt("draws", 3, "candidates drawn from the sampler"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        int draws = options.getInt("draws");
        return (model, context) -> {
            double total = 0;
            for (LayerView layer : model.layers()) {
                for (WeightView w : layer.attention().matrices()) {
                    total += capacity(w);
                }
                for (WeightView w : layer.ffn().matrices()) {
                    total += capacity(w);
                }
            }
            CandidateSampler sampler = context.sampler().orElseThrow();
            SplittableRandom random = new SplittableRandom(context.seed());
            long sampled = 0;
            for (int i = 0; i < draws; i++) {
                sampled += sampler.sample(random).parameterCount();
            }
            double score = total;
            long sampledParams = sampled;
            return new CandidateScorer() {
                @Override
                public double score(org.zeroprune.spi.mask.PruningMask mask) {
                    return score;
                }

                @Override
                public Map<String, Object> details() {
                    return Map.of("sampled-params", sampledParams);
                }
            };
        };
    }

    private static double capacity(WeightView w) {
        FloatBuffer data = w.data();
        double sum = 0;
        while (data.hasRemaining()) {
            double v = data.get();
            sum += v * v;
        }
        return sum / Math.min(w.rows(), w.cols());
    }
}
