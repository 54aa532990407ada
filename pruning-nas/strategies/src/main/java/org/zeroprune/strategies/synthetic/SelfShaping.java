package org.zeroprune.strategies.synthetic;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.zeroprune.spi.model.WeightView;

/**
 * Reshapes token sequences towards what the dense model itself makes of them.
 *
 * <p>Definition. Each of {@code rounds} rounds runs the dense model on the current sequences and
 * takes their mean-pooled output embeddings {@code p_s}. It centres them,
 * {@code q_s = p_s − mean_s p_s} (the part all sequences share is the model's common direction,
 * not what this sequence is about; with a single sequence nothing is subtracted), and ranks every
 * id {@code v} the prior allows by the cosine between {@code q_s} and the centred input embedding
 * {@code e_v − ē} ({@code ē} the mean embedding over those ids). Every content position of
 * sequence {@code s} is then, with probability {@value #REPLACE_PROBABILITY}, replaced by one of
 * the {@code k} best-ranked ids for {@code s}, chosen uniformly.
 *
 * <p>What this is, honestly: a cheap stand-in for "replace each token by the token whose input
 * embedding is closest to the model's output at that position". The SPI gives mean-pooled
 * outputs only, so the target is the sequence's pooled gist, not a position; the result is
 * sequences whose tokens cluster around what the model reads them as, drawn from its own
 * embedding space, rather than independent draws. The output space is not the input space, so
 * the comparison leans on BERT's residual stream keeping outputs close to input embeddings.
 *
 * <p>Cost: {@code rounds} dense forward passes plus {@code rounds} passes over the embedding
 * matrix, {@code O(rounds · V · H · sequences)} multiply-adds.
 */
final class SelfShaping {
    /** Chance that one content position is redrawn in one round; half keeps some of the start. */
    static final double REPLACE_PROBABILITY = 0.5;

    private final WeightView words;
    private final TokenPrior prior;
    private final int topK;
    private final double[] mean;
    private final double[] centredNorms;

    /**
     * @param words the word-embedding matrix, one row per id of {@code prior}
     * @param prior which ids may be put in (special tokens never are)
     * @param topK how many best-ranked ids a position draws from; capped at the prior's support
     */
    SelfShaping(WeightView words, TokenPrior prior, int topK) {
        this.words = words;
        this.prior = prior;
        this.topK = Math.min(topK, prior.support());
        int vocabulary = prior.vocabularySize();
        int hidden = words.cols();
        mean = new double[hidden];
        float[] row = new float[hidden];
        FloatBuffer data = words.data();
        for (int v = 0; v < vocabulary; v++) {
            data.get(row);
            if (prior.allows(v)) {
                for (int i = 0; i < hidden; i++) {
                    mean[i] += row[i];
                }
            }
        }
        for (int i = 0; i < hidden; i++) {
            mean[i] /= prior.support();
        }
        centredNorms = new double[vocabulary];
        data = words.data();
        for (int v = 0; v < vocabulary; v++) {
            data.get(row);
            double s = 0.0;
            for (int i = 0; i < hidden; i++) {
                double x = row[i] - mean[i];
                s += x * x;
            }
            centredNorms[v] = Math.sqrt(s);
        }
    }

    /**
     * One round applied to a copy of {@code sequences}.
     *
     * @param dense the dense model's mean-pooled embeddings of a batch of sequences
     */
    int[][] round(int[][] sequences, SequenceFrame frame, Function<int[][], float[][]> dense, SplittableRandom random) {
        double[][] targets = centred(dense.apply(sequences));
        NearestTokens[] nearest = nearest(targets);
        int[][] out = new int[sequences.length][];
        for (int s = 0; s < sequences.length; s++) {
            out[s] = sequences[s].clone();
            if (nearest[s].size() == 0) {
                continue; // a single allowed id, which is its own mean: nothing to rank
            }
            for (int t = frame.firstContent(); t < frame.endContent(); t++) {
                if (random.nextDouble() < REPLACE_PROBABILITY) {
                    out[s][t] = nearest[s].id(random.nextInt(nearest[s].size()));
                }
            }
        }
        return out;
    }

    private static double[][] centred(float[][] pooled) {
        int n = pooled.length;
        int hidden = n == 0 ? 0 : pooled[0].length;
        double[] mean = new double[hidden];
        if (n > 1) {
            for (float[] p : pooled) {
                for (int i = 0; i < hidden; i++) {
                    mean[i] += p[i] / (double) n;
                }
            }
        }
        double[][] out = new double[n][hidden];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < hidden; i++) {
                out[s][i] = pooled[s][i] - mean[i];
            }
        }
        return out;
    }

    // one pass over the embedding matrix for all sequences at once
    private NearestTokens[] nearest(double[][] targets) {
        int n = targets.length;
        int hidden = mean.length;
        NearestTokens[] nearest = new NearestTokens[n];
        double[] meanDot = new double[n];
        for (int s = 0; s < n; s++) {
            nearest[s] = new NearestTokens(topK);
            for (int i = 0; i < hidden; i++) {
                meanDot[s] += mean[i] * targets[s][i];
            }
        }
        float[] row = new float[hidden];
        FloatBuffer data = words.data();
        for (int v = 0; v < prior.vocabularySize(); v++) {
            data.get(row);
            if (!prior.allows(v) || centredNorms[v] == 0.0) {
                continue;
            }
            for (int s = 0; s < n; s++) {
                double[] q = targets[s];
                double dot = 0.0;
                for (int i = 0; i < hidden; i++) {
                    dot += row[i] * q[i];
                }
                // cosine up to 1/‖q_s‖, which does not change the ranking for sequence s
                nearest[s].offer((dot - meanDot[s]) / centredNorms[v], v);
            }
        }
        return nearest;
    }
}
