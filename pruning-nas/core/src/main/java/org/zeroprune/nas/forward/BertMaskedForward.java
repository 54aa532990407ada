package org.zeroprune.nas.forward;

import java.util.Objects;
import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The plugins' masked forward pass over a loaded {@link BertEncoder}: sentence embeddings of a
 * candidate run on the sliced fast path, and the mask Fisher estimate comes from
 * {@link MaskFisherEstimator}. Thread-safe (the encoder serialises calls). The encoder stays owned
 * by the caller, who closes it.
 */
public final class BertMaskedForward implements MaskedForward {
    private final BertEncoder encoder;
    private final SpecialTokens specialTokens;

    /**
     * @param encoder the loaded model; masks refer to its present heads and neurons
     * @param specialTokens ids of the model tokenizer's special tokens
     */
    public BertMaskedForward(BertEncoder encoder, SpecialTokens specialTokens) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.specialTokens = Objects.requireNonNull(specialTokens, "specialTokens");
    }

    /** The encoder behind this forward pass. */
    public BertEncoder encoder() {
        return encoder;
    }

    @Override
    public int vocabularySize() {
        return encoder.config().vocabSize();
    }

    @Override
    public SpecialTokens specialTokens() {
        return specialTokens;
    }

    @Override
    public int maxSequenceLength() {
        return encoder.config().maxPositions();
    }

    @Override
    public float[][] sentenceEmbeddings(PruningMask mask, int[][] tokenIds) {
        return encoder.slicedSentenceEmbeddings(mask, tokenIds);
    }

    /** See {@link MaskFisherEstimator} for the loss and why it is not the distance to the dense output. */
    @Override
    public MaskFisher maskFisher(int[][] tokenIds, int probes, long seed) {
        return MaskFisherEstimator.estimate(encoder, tokenIds, probes, seed);
    }
}
