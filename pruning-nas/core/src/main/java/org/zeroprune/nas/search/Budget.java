package org.zeroprune.nas.search;

import java.util.Locale;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.spi.mask.PruningMask;

/**
 * A cost limit relative to the dense model: a candidate fits when its cost is at most
 * {@code ratio} times the dense model's.
 */
public final class Budget {
    private final BudgetKind kind;
    private final double ratio;
    private final LayerCosts costs;
    private final double dense;
    private final double limit;

    /**
     * @param kind what is counted
     * @param ratio kept fraction of the dense cost, in (0, 1]
     * @param costs per-layer costs of the model
     * @param denseHeads heads per layer of the dense model
     * @param denseNeurons neurons per layer of the dense model
     */
    public Budget(BudgetKind kind, double ratio, LayerCosts costs, int[] denseHeads, int[] denseNeurons) {
        this.kind = kind;
        this.ratio = ratio;
        this.costs = costs;
        this.dense = cost(denseHeads, denseNeurons);
        // a hair of slack so that a ratio of exactly 1 admits the dense model despite rounding
        this.limit = ratio * dense * (1 + 1e-12);
    }

    /** Total cost of per-layer kept counts. */
    public double cost(int[] heads, int[] neurons) {
        double total = 0;
        for (int l = 0; l < heads.length; l++) {
            total += costs.attention(l, heads[l]) + costs.ffn(l, neurons[l]);
        }
        return total;
    }

    /** Total cost of a mask. */
    public double cost(PruningMask mask) {
        double total = 0;
        for (int l = 0; l < mask.layerCount(); l++) {
            total += costs.attention(l, mask.heads(l).count()) + costs.ffn(l, mask.neurons(l).count());
        }
        return total;
    }

    /** Whether the mask fits. */
    public boolean fits(PruningMask mask) {
        return cost(mask) <= limit;
    }

    /** Whether per-layer counts fit. */
    public boolean fits(int[] heads, int[] neurons) {
        return cost(heads, neurons) <= limit;
    }

    /** The kind. */
    public BudgetKind kind() {
        return kind;
    }

    /** The ratio. */
    public double ratio() {
        return ratio;
    }

    /** The per-layer costs. */
    public LayerCosts costs() {
        return costs;
    }

    /** The dense model's cost. */
    public double dense() {
        return dense;
    }

    /** The largest cost that fits. */
    public double limit() {
        return ratio * dense;
    }

    /**
     * Fails unless the smallest candidate fits.
     *
     * @throws BudgetException stating the smallest achievable cost and ratio
     */
    public void checkFeasible(int[] minHeads, int[] minNeurons, String constraints) {
        double smallest = cost(minHeads, minNeurons);
        if (smallest > limit) {
            throw new BudgetException(String.format(Locale.ROOT,
                    "budget %s %.4g is infeasible: it allows %.6g %s, but the smallest candidate of the search space"
                            + " (%s) costs %.6g, a ratio of %.4f of the dense model's %.6g; raise the budget to at least"
                            + " %.4f or lower the minimums", kind.key(), ratio, limit(), costs.unit(), constraints,
                    smallest, smallest / dense, dense, Math.ceil(smallest / dense * 1e4) / 1e4));
        }
    }
}
