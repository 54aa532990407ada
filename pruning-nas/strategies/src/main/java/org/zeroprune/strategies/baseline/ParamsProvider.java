package org.zeroprune.strategies.baseline;

import org.zeroprune.spi.context.CostModel;

/**
 * {@code params}: score = the parameters the candidate keeps, {@link CostModel#params}. The
 * simplest proxy: bigger is assumed better. No options.
 */
public final class ParamsProvider extends CostBaselineProvider {

    /** Needed by {@link java.util.ServiceLoader}. */
    public ParamsProvider() {
        super("params", "Baseline: number of parameters the candidate keeps", CostModel::params);
    }
}
