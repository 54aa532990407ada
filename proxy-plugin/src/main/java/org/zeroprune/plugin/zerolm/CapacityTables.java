package org.zeroprune.plugin.zerolm;

import org.zeroprune.plugin.spectral.SpectralStatistic;
import org.zeroprune.spi.model.ModelView;

/** Chooses the {@link CapacityTable} for a statistic. */
final class CapacityTables {
    private CapacityTables() {
    }

    /**
     * The fast table for {@link SpectralStatistic#FROBENIUS}, which needs no singular values; a
     * cached spectral table for the others.
     *
     * @param cacheSize most module capacities a spectral table keeps
     */
    static CapacityTable build(ModelView model, SpectralStatistic statistic, int cacheSize) {
        return statistic == SpectralStatistic.FROBENIUS
                ? new FrobeniusCapacityTable(model)
                : new SpectralCapacityTable(model, statistic, cacheSize);
    }
}
