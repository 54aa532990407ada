package org.zeroprune.nas.forward;

import java.util.Random;

/**
 * The standard normal probe vectors ε of the mask Fisher estimate. Each (sequence, probe) pair
 * has its own stream, seeded from the run's seed and the pair's indices, so the draws do not depend
 * on how sequences are batched.
 */
final class GaussianProbes {
    private GaussianProbes() {
    }

    /** Probe {@code probe} of sequence {@code sequence}: {@code size} independent N(0, 1) values. */
    static float[] draw(long seed, int sequence, int probe, int size) {
        Random random = new Random(mix(mix(seed) + sequence * 0x9E3779B97F4A7C15L + probe));
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** SplitMix64's finaliser: nearby inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
