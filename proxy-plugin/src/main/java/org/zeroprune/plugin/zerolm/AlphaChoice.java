package org.zeroprune.plugin.zerolm;

import java.util.Optional;
import org.zeroprune.plugin.stats.RankCorrelation;

/**
 * The α a scorer uses and how it was found.
 *
 * @param alpha the balance
 * @param correlation the correlation maximised, empty when α was fixed
 * @param value the maximal correlation; NaN when fixed or when every grid value was undefined
 * @param samples how many candidates the selection used; 0 when fixed
 */
record AlphaChoice(double alpha, Optional<RankCorrelation> correlation, double value, int samples) {

    static AlphaChoice fixed(double alpha) {
        return new AlphaChoice(alpha, Optional.empty(), Double.NaN, 0);
    }

    /** Whether a selection ran but no grid value gave a defined correlation (α fell back to 0.5). */
    boolean degenerate() {
        return correlation.isPresent() && Double.isNaN(value);
    }
}
