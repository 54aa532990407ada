package org.zeroprune.plugin.zerolm;

import org.zeroprune.plugin.spectral.SpectralStatistic;
import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.StrategyOptions;

/**
 * ZeroLM's options, validated.
 *
 * @param alpha the fixed balance α (used only with {@link AlphaSelection#FIXED})
 * @param selection how α is chosen
 * @param statistic the capacity of one matrix
 * @param sampleSize candidates drawn for self-parameter correlation; the most labelled samples used
 *     for benchmark sampling
 * @param seed the {@code seed} option, mixed with the context's seed
 * @param cacheSize the most module capacities a spectral statistic caches
 */
record ZeroLmSettings(
        double alpha, AlphaSelection selection, SpectralStatistic statistic, int sampleSize, long seed, int cacheSize) {

    static final String ALPHA = "alpha";
    static final String ALPHA_SELECTION = "alpha-selection";
    static final String STATISTIC = "statistic";
    static final String SAMPLE_SIZE = "sample-size";
    static final String SEED = "seed";
    static final String CACHE_SIZE = "cache-size";

    /** Bound of a fixed α: beyond it one module all but vanishes from the score. */
    static final double MAX_ABS_ALPHA = 10.0;
    static final int MIN_SAMPLE_SIZE = 2;
    static final int MAX_SAMPLE_SIZE = 1_000_000;
    static final int MAX_CACHE_SIZE = 10_000_000;

    /**
     * Reads and checks the options.
     *
     * @throws InvalidOptionException on a value out of range, or an explicit {@code alpha} that
     *     would be ignored because α is selected
     */
    static ZeroLmSettings from(StrategyOptions options) {
        options.requireRange(ALPHA, -MAX_ABS_ALPHA, MAX_ABS_ALPHA);
        options.requireRange(SAMPLE_SIZE, MIN_SAMPLE_SIZE, MAX_SAMPLE_SIZE);
        options.requireRange(CACHE_SIZE, 0, MAX_CACHE_SIZE);
        AlphaSelection selection = AlphaSelection.fromOptionName(options.getString(ALPHA_SELECTION));
        if (selection != AlphaSelection.FIXED && !options.isDefault(ALPHA)) {
            throw new InvalidOptionException("strategy '" + options.strategy() + "', option '" + ALPHA + "': "
                    + options.getString(ALPHA) + " would be ignored because " + ALPHA_SELECTION + " is '"
                    + selection.optionName() + "'; set " + ALPHA_SELECTION + "=fixed to use a fixed alpha");
        }
        return new ZeroLmSettings(options.getDouble(ALPHA), selection,
                SpectralStatistic.fromOptionName(options.getString(STATISTIC)), options.getInt(SAMPLE_SIZE),
                options.getLong(SEED), options.getInt(CACHE_SIZE));
    }
}
