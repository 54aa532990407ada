package org.zeroprune.spi;

/**
 * Seed arithmetic shared by the strategies: SplitMix64 (Steele, Lea and Flood, 2014), whose
 * finaliser turns any 64-bit input into a well-mixed output, so that nearby seeds give unrelated
 * streams.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * The SplitMix64 finaliser: a bijection of 64-bit words with good avalanche.
     *
     * @param z any 64-bit word
     * @return its mixed image
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Combines a strategy's own {@code seed} option with the context's seed: {@code
     * mix64(optionSeed ^ mix64(contextSeed + γ))}, γ the golden-ratio increment. Changing either
     * seed changes the result; the order matters, so (1, 2) and (2, 1) differ.
     *
     * @param optionSeed the strategy's own {@code seed} option
     * @param contextSeed the run's seed, from the scoring context
     * @return the combined seed
     */
    public static long combine(long optionSeed, long contextSeed) {
        return mix64(optionSeed ^ mix64(contextSeed + GOLDEN_GAMMA));
    }

    /**
     * The next state of a SplitMix64 chain that absorbs a word: {@code mix64(state + γ ^ word)}.
     *
     * @param state the chain's current state
     * @param word the word to absorb
     * @return the next state
     */
    public static long absorb(long state, long word) {
        return mix64((state + GOLDEN_GAMMA) ^ word);
    }

    /**
     * A double uniform in {@code [0, 1)} from the top 53 bits of a word.
     *
     * @param bits a well-mixed 64-bit word
     * @return a double in {@code [0, 1)}
     */
    public static double unitInterval(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
