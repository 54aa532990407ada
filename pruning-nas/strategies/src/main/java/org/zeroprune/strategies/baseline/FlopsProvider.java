package org.zeroprune.strategies.baseline;

import org.zeroprune.spi.context.CostModel;

/**
 * {@code flops}: score = the multiply-accumulates per token the candidate keeps, {@link
 * CostModel#macs}. No options.
 */
public final class FlopsProvider extends CostBaselineProvider {

    /** Needed by {@link java.util.ServiceLoader}. */
    public FlopsProvider() {
        super("flops", "Baseline: multiply-accumulates per token the candidate keeps", CostModel::macs);
    }
}
