package org.zeroprune.plugin.relative;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.spi.sums.Masks;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * Scores {@code α·S_attn + (1 − α)·S_ffn}, each the mean over layers of the module's
 * {@link CapacityShare}. Immutable, hence thread-safe.
 */
final class RelativeScorer implements CandidateScorer {
    private final CapacityShare[] attention;
    private final CapacityShare[] ffn;
    private final double alpha;
    private final Map<String, Object> details;
    private final UnitImportance importance;

    RelativeScorer(ModelView model, double alpha, Granularity granularity) {
        int layers = model.layerCount();
        this.alpha = alpha;
        attention = new CapacityShare[layers];
        ffn = new CapacityShare[layers];
        for (int l = 0; l < layers; l++) {
            attention[l] = CapacityShare.of(model.layer(l).attention(), granularity);
            ffn[l] = CapacityShare.of(model.layer(l).ffn(), granularity);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("alpha", alpha);
        d.put("granularity", granularity.optionName());
        d.put("layers", layers);
        details = Collections.unmodifiableMap(d);
        importance = unitLosses();
    }

    @Override
    public double score(PruningMask mask) {
        int layers = attention.length;
        if (mask.layerCount() != layers) {
            throw new IllegalArgumentException("mask has " + mask.layerCount() + " layers, the prepared model has "
                    + layers);
        }
        if (layers == 0) {
            return 1.0;
        }
        double a = 0.0;
        double f = 0.0;
        for (int l = 0; l < layers; l++) {
            a += attention[l].of(Masks.checked(mask.heads(l), attention[l].units(), l, "heads"));
            f += ffn[l].of(Masks.checked(mask.neurons(l), ffn[l].units(), l, "neurons"));
        }
        return (alpha * a + (1.0 - alpha) * f) / layers;
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }

    @Override
    public Optional<UnitImportance> unitImportance() {
        return Optional.of(new UnitImportance(copy(importance.heads()), copy(importance.neurons())));
    }

    // per unit: how much removing it alone lowers the score
    private UnitImportance unitLosses() {
        int layers = attention.length;
        double[][] heads = new double[layers][];
        double[][] neurons = new double[layers][];
        for (int l = 0; l < layers; l++) {
            heads[l] = losses(attention[l], alpha / layers);
            neurons[l] = losses(ffn[l], (1.0 - alpha) / layers);
        }
        return new UnitImportance(heads, neurons);
    }

    private static double[] losses(CapacityShare share, double weight) {
        double[] out = new double[share.units()];
        for (int u = 0; u < out.length; u++) {
            out[u] = weight * share.unitLoss(u);
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
