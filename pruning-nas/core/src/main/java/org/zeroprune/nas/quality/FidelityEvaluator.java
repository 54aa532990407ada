package org.zeroprune.nas.quality;

import java.util.Objects;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.forward.BertMaskedForward;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The ground truth for pruning: a candidate's fidelity to the dense model, the mean over held-out
 * sentences of the cosine similarity between the candidate's mean-pooled sentence embedding and the
 * dense model's. 1 means the candidate embeds every sentence in the same direction as the dense
 * model. The dense embeddings are computed once, at construction; each {@link #fidelity} call runs
 * only the candidate. Thread-safe if the forward pass is.
 */
public final class FidelityEvaluator {
    private final MaskedForward forward;
    private final int[][] tokenIds;
    private final float[][] dense;
    private final double[] denseNorms;

    /**
     * @param forward the masked forward pass (for speed, one that runs only the kept units, such as
     *     {@link BertMaskedForward})
     * @param denseMask the mask that keeps everything; its embeddings are the reference
     * @param tokenIds the held-out sentences, tokenised with special tokens, without padding
     */
    public FidelityEvaluator(MaskedForward forward, PruningMask denseMask, int[][] tokenIds) {
        this.forward = Objects.requireNonNull(forward, "forward");
        if (tokenIds.length == 0) {
            throw new IllegalArgumentException("fidelity needs at least one sentence");
        }
        this.tokenIds = tokenIds.clone();
        this.dense = forward.sentenceEmbeddings(denseMask, this.tokenIds);
        this.denseNorms = new double[dense.length];
        boolean anyNonZero = false;
        for (int i = 0; i < dense.length; i++) {
            denseNorms[i] = Math.sqrt(dot(dense[i], dense[i]));
            anyNonZero |= denseNorms[i] > 0;
        }
        if (!anyNonZero) {
            // a cosine with the zero vector is undefined: every candidate would get fidelity 0
            throw new ZeroPruneException("the dense model embeds every one of the " + dense.length + " sentences as the"
                    + " zero vector, so fidelity (a cosine similarity to it) is undefined; is the encoder all zeros?");
        }
    }

    /** An evaluator over the evaluation part of {@code corpus}, tokenised by {@code tokenizer}. */
    public static FidelityEvaluator onEvaluationPart(BertMaskedForward forward, BertTokenizer tokenizer, Corpus corpus) {
        return new FidelityEvaluator(forward, forward.encoder().denseMask(), tokenizer.encode(corpus.evaluation()));
    }

    /** Number of sentences measured. */
    public int sentenceCount() {
        return tokenIds.length;
    }

    /** Mean cosine similarity between the candidate's and the dense model's sentence embeddings. */
    public double fidelity(PruningMask mask) {
        return fidelity(forward.sentenceEmbeddings(mask, tokenIds));
    }

    /**
     * Mean cosine similarity between {@code embeddings}, computed elsewhere for the same sentences
     * (for example by an exported, reconstructed model), and the dense model's.
     */
    public double fidelity(float[][] embeddings) {
        if (embeddings.length != tokenIds.length) {
            throw new IllegalArgumentException(embeddings.length + " embeddings for " + tokenIds.length + " sentences");
        }
        double sum = 0;
        for (double s : similarities(embeddings)) {
            sum += s;
        }
        double mean = sum / tokenIds.length;
        if (!Double.isFinite(mean)) {
            throw new ZeroPruneException("fidelity is " + mean + ": the candidate's sentence embeddings hold NaN or"
                    + " infinite values (its forward pass overflows)");
        }
        return mean;
    }

    /**
     * Per sentence, the cosine similarity between the candidate's and the dense embedding (0 when
     * either embedding is the zero vector).
     */
    public double[] similarities(PruningMask mask) {
        return similarities(forward.sentenceEmbeddings(mask, tokenIds));
    }

    /** The sentences' token ids, as the evaluator embeds them. */
    public int[][] tokenIds() {
        return tokenIds.clone();
    }

    private double[] similarities(float[][] candidate) {
        double[] out = new double[candidate.length];
        for (int i = 0; i < candidate.length; i++) {
            double norm = Math.sqrt(dot(candidate[i], candidate[i]));
            out[i] = norm == 0 || denseNorms[i] == 0 ? 0 : dot(candidate[i], dense[i]) / (norm * denseNorms[i]);
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
