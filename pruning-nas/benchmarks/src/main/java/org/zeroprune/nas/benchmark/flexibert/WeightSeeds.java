package org.zeroprune.nas.benchmark.flexibert;

/**
 * Seeds derived from a run seed, so that every architecture's weights and every seeded choice
 * depend only on (run seed, what) and not on the order or thread in which they are made.
 *
 * <p>Definition: {@code mix(x)} is Stafford's 64-bit finaliser "Mix13" (the one
 * {@link java.util.SplittableRandom} uses); the weight seed of architecture {@code id} under run seed
 * {@code s} is {@code mix(mix(s) + γ·(id + 1))} with {@code γ = 0x9E3779B97F4A7C15} (the golden
 * ratio increment), and a purpose seed is {@code mix(mix(s) ^ salt)}.
 */
public final class WeightSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** Salt of the seed that picks the α sample. */
    public static final long ALPHA_SAMPLE = 0x616C7068615F736DL;

    private WeightSeeds() {
    }

    /** The weight seed of benchmark architecture {@code id} under run seed {@code runSeed}. */
    public static long architecture(long runSeed, int id) {
        return mix(mix(runSeed) + GOLDEN_GAMMA * (id + 1L));
    }

    /** A seed for one purpose ({@code salt}) under run seed {@code runSeed}. */
    public static long purpose(long runSeed, long salt) {
        return mix(mix(runSeed) ^ salt);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
