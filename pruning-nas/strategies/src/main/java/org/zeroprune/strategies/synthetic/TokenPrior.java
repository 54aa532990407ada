package org.zeroprune.strategies.synthetic;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.model.WeightView;

/**
 * A distribution over token ids, {@code p(v) = w_v / Σ w}, drawn from by inverting its cumulative
 * weights. Special tokens always have weight 0. Immutable.
 */
final class TokenPrior {
    private final double[] weights;
    private final double[] cumulative;
    private final int support;

    private TokenPrior(double[] weights) {
        this.weights = weights;
        this.cumulative = new double[weights.length];
        double c = 0.0;
        int n = 0;
        for (int v = 0; v < weights.length; v++) {
            c += weights[v];
            cumulative[v] = c;
            n += weights[v] > 0 ? 1 : 0;
        }
        this.support = n;
        if (n == 0) {
            throw new ScoringException("synthetic-fidelity: no token of the vocabulary (" + weights.length
                    + " ids) can be drawn; every id is special or has a zero embedding");
        }
    }

    /** Uniform over the {@code vocabularySize} ids that are not special. */
    static TokenPrior uniform(int vocabularySize, SpecialTokens specials) {
        double[] w = new double[vocabularySize];
        for (int v = 0; v < vocabularySize; v++) {
            w[v] = specials.isSpecial(v) ? 0.0 : 1.0;
        }
        return new TokenPrior(w);
    }

    /**
     * The embedding-norm prior: {@code p(v) ∝ ‖e_v‖^κ} over non-special ids, {@code e_v} row
     * {@code v} of the word-embedding matrix, κ = {@code sharpness} (0 gives the uniform prior).
     *
     * <p>Why: a row of the word-embedding matrix receives gradient only when its token occurs in
     * the pre-training text, and weight decay pulls rows that receive none back towards zero. Rows
     * of tokens the model never or rarely saw therefore stay near their small random
     * initialisation, while tokens the model learnt from move far from it. The norm is a measure
     * of exposure, not a frequency estimate: in BERT-family models the most frequent words have
     * moderate norms and mid-frequency words the largest. κ sets how sharply untrained and rarely
     * seen tokens are suppressed; at κ = 8, a token at half the norm of another is 256 times less
     * likely.
     *
     * @throws ScoringException if the matrix does not have one row per id
     */
    static TokenPrior embeddingNorms(WeightView wordEmbeddings, int vocabularySize, SpecialTokens specials,
            double sharpness) {
        if (sharpness == 0.0) {
            return uniform(vocabularySize, specials);
        }
        double[] norms = rowNorms(wordEmbeddings, vocabularySize);
        double max = 0.0;
        for (int v = 0; v < vocabularySize; v++) {
            if (!specials.isSpecial(v)) {
                max = Math.max(max, norms[v]);
            }
        }
        double[] w = new double[vocabularySize];
        for (int v = 0; v < vocabularySize; v++) {
            // relative to the largest norm, so that a high κ cannot overflow
            w[v] = specials.isSpecial(v) || max == 0.0 ? 0.0 : Math.pow(norms[v] / max, sharpness);
        }
        return new TokenPrior(w);
    }

    /** Euclidean norm of every row; checks the shape against the vocabulary. */
    static double[] rowNorms(WeightView wordEmbeddings, int vocabularySize) {
        if (wordEmbeddings.rows() != vocabularySize) {
            throw new ScoringException("synthetic-fidelity: the word-embedding matrix '" + wordEmbeddings.name()
                    + "' has " + wordEmbeddings.rows() + " rows, the vocabulary " + vocabularySize + " ids");
        }
        int cols = wordEmbeddings.cols();
        FloatBuffer data = wordEmbeddings.data();
        float[] row = new float[cols];
        double[] norms = new double[vocabularySize];
        for (int v = 0; v < vocabularySize; v++) {
            data.get(row);
            double s = 0.0;
            for (float x : row) {
                s += (double) x * x;
            }
            norms[v] = Math.sqrt(s);
        }
        return norms;
    }

    /** Number of ids. */
    int vocabularySize() {
        return weights.length;
    }

    /** Whether {@code id} can be drawn. */
    boolean allows(int id) {
        return weights[id] > 0;
    }

    /** How many ids can be drawn. */
    int support() {
        return support;
    }

    /** {@code exp(−Σ p log p)}: the number of equally likely ids with the same entropy. */
    double effectiveSize() {
        double total = cumulative[cumulative.length - 1];
        double h = 0.0;
        for (double w : weights) {
            if (w > 0) {
                double p = w / total;
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }

    /** One id drawn with {@code random}. */
    int draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        // the first id whose cumulative weight exceeds u; it has a positive weight
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
