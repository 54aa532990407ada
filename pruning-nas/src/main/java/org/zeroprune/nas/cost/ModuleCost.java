package org.zeroprune.nas.cost;

import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * Parameters and MACs per token of one module as a function of how many of its units are kept.
 *
 * <p>Parameters: every weight's kept rows times kept columns (a vector's kept length), exactly the
 * element count of the physically pruned tensors. MACs per token: every matrix's kept rows times
 * kept columns (one multiply-accumulate per weight entry and token), plus, for self-attention,
 * {@code 2 * T * d * h} for the scores {@code Q K^T} and the context {@code A V} at sequence length
 * {@code T}, head size {@code d}, {@code h} kept heads. For BERT this is DESIGN.md's
 * {@code 4*H*d*h + 2*T*d*h} for attention and {@code 2*H*n} for the FFN.
 */
public final class ModuleCost {
    private final long[] params;
    private final long[] macs;

    /**
     * Tabulates the module's costs for 0..unitCount kept units.
     *
     * @param module the module
     * @param sequenceLength tokens per sequence, for the attention scores
     */
    public ModuleCost(ModuleView module, int sequenceLength) {
        int units = module.unitCount();
        params = new long[units + 1];
        macs = new long[units + 1];
        int headSize = module.weight(WeightRole.QUERY).filter(WeightView::isMatrix).map(w -> w.rowCut().unitSize()).orElse(0);
        boolean selfAttention = module.operation().equals("self-attention");
        for (int k = 0; k <= units; k++) {
            long p = 0;
            long m = 0;
            for (WeightView w : module.weights()) {
                long rows = w.rowCut().keptLength(w.rows(), k);
                long cols = w.isMatrix() ? w.colCut().keptLength(w.cols(), k) : 1;
                p += rows * cols;
                if (w.isMatrix()) {
                    m += rows * cols;
                }
            }
            if (selfAttention) {
                m += 2L * sequenceLength * headSize * k;
            }
            params[k] = p;
            macs[k] = m;
        }
    }

    /** Number of units the module has. */
    public int units() {
        return params.length - 1;
    }

    /** Parameters with {@code kept} units. */
    public long params(int kept) {
        return params[kept];
    }

    /** MACs per token with {@code kept} units. */
    public long macs(int kept) {
        return macs[kept];
    }
}
