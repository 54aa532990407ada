package org.zeroprune.strategies.synthetic;

import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Fixed token sequences and the dense model's sentence embeddings of them, computed once; a
 * candidate's fidelity is the mean over the sequences of the cosine similarity between its
 * embedding and the dense one (0 for a sequence where either embedding is the zero vector). This
 * is the framework's ground truth, on generated instead of held-out sequences. Immutable,
 * thread-safe if the forward pass is.
 */
final class DenseReference {
    private final MaskedForward forward;
    private final int[][] sequences;
    private final float[][] dense;
    private final double[] denseNorms;

    /** Runs the dense model once on {@code sequences}. */
    DenseReference(MaskedForward forward, PruningMask denseMask, int[][] sequences) {
        this.forward = forward;
        this.sequences = sequences;
        this.dense = forward.sentenceEmbeddings(denseMask, sequences);
        this.denseNorms = new double[dense.length];
        for (int s = 0; s < dense.length; s++) {
            denseNorms[s] = Math.sqrt(dot(dense[s], dense[s]));
        }
    }

    /** {@code (1/N) Σ_s cos(f_mask(s), f_dense(s))}: one forward pass of the candidate. */
    double fidelity(PruningMask mask) {
        float[][] candidate = forward.sentenceEmbeddings(mask, sequences);
        double sum = 0.0;
        for (int s = 0; s < sequences.length; s++) {
            double norm = Math.sqrt(dot(candidate[s], candidate[s]));
            if (norm > 0 && denseNorms[s] > 0) {
                sum += dot(candidate[s], dense[s]) / (norm * denseNorms[s]);
            }
        }
        return sum / sequences.length;
    }

    /** The sequences, shared: callers must not change them. */
    int[][] sequences() {
        return sequences;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
