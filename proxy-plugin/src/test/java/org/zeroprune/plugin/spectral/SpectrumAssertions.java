package org.zeroprune.plugin.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

/** Comparison of two spectra given in any order. */
final class SpectrumAssertions {
    private SpectrumAssertions() {
    }

    /** Same count and, sorted, each value within {@code relative} · the largest absolute expected value. */
    static void assertSpectraClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": count");
        double[] e = expected.clone();
        double[] a = actual.clone();
        Arrays.sort(e);
        Arrays.sort(a);
        double scale = 0;
        for (double x : e) {
            scale = Math.max(scale, Math.abs(x));
        }
        double tolerance = relative * Math.max(scale, 1e-300);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance, what + ": value " + i + " of " + e.length);
        }
    }
}
