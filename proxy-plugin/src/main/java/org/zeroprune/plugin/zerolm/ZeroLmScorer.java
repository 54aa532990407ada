package org.zeroprune.plugin.zerolm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.spi.sums.EntryMeasure;
import org.zeroprune.spi.sums.ModelSums;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.WeightView;

/**
 * Scores {@code α·S_attn + (1 − α)·S_ffn} for candidates of one prepared model.
 *
 * <p>{@link #details()} reports α, how it was chosen, the statistic, the maximal selection
 * correlation and the dense model's {@code S_attn} and {@code S_ffn}. {@link #unitImportance()}
 * gives each unit's share of the squared Frobenius norm of the matrices its module's units cut
 * (what removing that unit alone deletes, divided by what all the module's units can delete),
 * times α for heads and {@code 1 − α} for neurons, whatever the statistic. Both are computed on
 * first use. Thread-safe.
 */
final class ZeroLmScorer implements CandidateScorer {
    private final ModelView model;
    private final CapacityTable table;
    private final AlphaChoice choice;
    private final ZeroLmSettings settings;
    private final double alpha;
    private volatile Map<String, Object> details;
    private volatile UnitImportance importance;

    ZeroLmScorer(ModelView model, CapacityTable table, AlphaChoice choice, ZeroLmSettings settings) {
        this.model = model;
        this.table = table;
        this.choice = choice;
        this.settings = settings;
        this.alpha = choice.alpha();
    }

    @Override
    public double score(PruningMask mask) {
        return alpha * table.attention(mask) + (1.0 - alpha) * table.ffn(mask);
    }

    /** The α this scorer uses. */
    double alpha() {
        return alpha;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = details;
        if (d == null) {
            PruningMask dense = PruningMask.dense(model);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alpha", alpha);
            m.put("alpha-selection", settings.selection().optionName());
            m.put("statistic", settings.statistic().optionName());
            choice.correlation().ifPresent(c -> {
                if (choice.degenerate()) {
                    m.put("selection-degenerate", true);
                } else {
                    m.put("selection-" + c.label(), choice.value());
                }
                m.put("selection-samples", choice.samples());
            });
            m.put("S_attn", table.attention(dense));
            m.put("S_ffn", table.ffn(dense));
            d = Collections.unmodifiableMap(m);
            details = d;
        }
        return d;
    }

    @Override
    public Optional<UnitImportance> unitImportance() {
        UnitImportance u = importance;
        if (u == null) {
            u = ModelSums.of(model, EntryMeasure.SQUARE, WeightView::isMatrix).unitShares(alpha, 1.0 - alpha);
            importance = u;
        }
        return Optional.of(u);
    }
}
