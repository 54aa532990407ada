package org.zeroprune.plugin.zerolm;

import org.zeroprune.plugin.spectral.SpectralStatistic;
import org.zeroprune.spi.model.ModelView;

/** Chooses the {@link CapacityTable} for a statistic. */
final class CapacityTables {
    private CapacityTables() {
    }

    /**
     * The fast table for {@link SpectralStatistic#FROBENIUS}, which needs no singular values; a
     * cached spectral table for the others, sharing singular values unless caching is off.
     *
     * @param cacheSize most module capacities a spectral table keeps; 0 computes everything afresh
     */
    static CapacityTable build(ModelView model, SpectralStatistic statistic, int cacheSize) {
        return statistic == SpectralStatistic.FROBENIUS
                ? new FrobeniusCapacityTable(model)
                : new SpectralCapacityTable(model, statistic, cacheSize, cacheSize > 0);
    }

    /**
     * A table for a sampled candidate's own model, scored once: no module cache, but shared singular
     * values, since a benchmark hands the same samples, rebuilt, to every spectral statistic.
     */
    static CapacityTable forSample(ModelView model, SpectralStatistic statistic) {
        return statistic == SpectralStatistic.FROBENIUS
                ? new FrobeniusCapacityTable(model)
                : new SpectralCapacityTable(model, statistic, 0, true);
    }
}
