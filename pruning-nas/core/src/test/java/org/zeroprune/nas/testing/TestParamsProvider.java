package org.zeroprune.nas.testing;

import java.util.List;
import java.util.Optional;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * A class-path strategy for the framework's own tests: the kept parameter count, times a factor.
 * With {@code importance=true} it also rates every unit by a fixed scramble of its index, so that
 * searches keep units in an order that is neither the model's nor its reverse.
 */
public final class TestParamsProvider implements ScoringStrategyProvider {
    @Override
    public String name() {
        return "test-params";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "kept parameters times a factor (tests only)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.ofDouble("factor", 1.0, "multiplies the score"),
                OptionSpec.ofBoolean("importance", false, "rate units by a scramble of their index"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        double factor = options.getDouble("factor");
        boolean importance = options.getBoolean("importance");
        return (model, context) -> new CandidateScorer() {
            @Override
            public double score(PruningMask mask) {
                return factor * context.costModel().params(mask);
            }

            @Override
            public Optional<UnitImportance> unitImportance() {
                return importance ? Optional.of(scrambled(model)) : Optional.empty();
            }
        };
    }

    private static UnitImportance scrambled(ModelView model) {
        int layers = model.layerCount();
        double[][] heads = new double[layers][];
        double[][] neurons = new double[layers][];
        for (int l = 0; l < layers; l++) {
            heads[l] = scramble(model.layer(l).attention().unitCount(), l);
            neurons[l] = scramble(model.layer(l).ffn().unitCount(), l + 7);
        }
        return new UnitImportance(heads, neurons);
    }

    private static double[] scramble(int units, int salt) {
        double[] out = new double[units];
        for (int i = 0; i < units; i++) {
            out[i] = ((i * 2654435761L + salt * 40503L) & 0xffff) / 65536.0;
        }
        return out;
    }
}
