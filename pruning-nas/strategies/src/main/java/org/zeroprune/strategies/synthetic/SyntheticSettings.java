package org.zeroprune.strategies.synthetic;

import org.zeroprune.spi.InvalidOptionException;
import org.zeroprune.spi.StrategyOptions;

/**
 * The options of {@code synthetic-fidelity}, validated.
 *
 * @param sequences how many sequences are generated
 * @param length tokens per sequence, {@code [CLS]} and {@code [SEP]} included
 * @param mode how tokens are chosen
 * @param sharpness exponent κ of the embedding-norm prior (modes {@code embedding}, {@code self})
 * @param rounds reshaping rounds (mode {@code self})
 * @param topK how many of the closest tokens a reshaped position draws from (mode {@code self})
 * @param seed the {@code seed} option, mixed with the job's seed
 */
record SyntheticSettings(int sequences, int length, TokenMode mode, double sharpness, int rounds, int topK, long seed) {

    static final String SEQUENCES = "sequences";
    static final String LENGTH = "length";
    static final String TOKENS = "tokens";
    static final String SHARPNESS = "sharpness";
    static final String ROUNDS = "rounds";
    static final String TOP_K = "top-k";
    static final String SEED = "seed";

    static final int MAX_SEQUENCES = 4096;
    /** One content token between {@code [CLS]} and {@code [SEP]} at least. */
    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 8192;
    static final double MAX_SHARPNESS = 64.0;
    static final int MAX_ROUNDS = 64;
    static final int MAX_TOP_K = 1_000_000;

    /**
     * Reads and checks the options.
     *
     * @throws InvalidOptionException on a value out of range, or an explicit option that the chosen
     *     token mode would ignore
     */
    static SyntheticSettings from(StrategyOptions options) {
        options.requireRange(SEQUENCES, 1, MAX_SEQUENCES);
        options.requireRange(LENGTH, MIN_LENGTH, MAX_LENGTH);
        options.requireRange(SHARPNESS, 0.0, MAX_SHARPNESS);
        options.requireRange(ROUNDS, 1, MAX_ROUNDS);
        options.requireRange(TOP_K, 1, MAX_TOP_K);
        TokenMode mode = TokenMode.fromOptionName(options.getString(TOKENS));
        if (!mode.usesEmbeddings()) {
            rejectIfSet(options, SHARPNESS, mode);
        }
        if (mode != TokenMode.SELF) {
            rejectIfSet(options, ROUNDS, mode);
            rejectIfSet(options, TOP_K, mode);
        }
        return new SyntheticSettings(options.getInt(SEQUENCES), options.getInt(LENGTH), mode,
                options.getDouble(SHARPNESS), options.getInt(ROUNDS), options.getInt(TOP_K), options.getLong(SEED));
    }

    private static void rejectIfSet(StrategyOptions options, String key, TokenMode mode) {
        if (!options.isDefault(key)) {
            throw new InvalidOptionException("strategy '" + options.strategy() + "', option '" + key + "': "
                    + options.getString(key) + " would be ignored with " + TOKENS + "=" + mode.optionName());
        }
    }
}
