package org.zeroprune.nas.quality;

/** Cosine similarity of embeddings, in double precision; 0 when either vector is zero. */
public final class Cosine {
    private Cosine() {
    }

    /** The cosine of {@code a} and {@code b}, vectors of one length. */
    public static double of(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** The mean over rows of the cosine of {@code a[i]} and {@code b[i]}. */
    public static double mean(float[][] a, float[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += of(a[i], b[i]);
        }
        return sum / a.length;
    }
}
