package org.zeroprune.spi.context;

import org.zeroprune.spi.mask.PruningMask;

/**
 * A forward pass of the model being prepared, with a pruning mask applied. Inputs are token ids
 * the strategy chooses; nothing here needs a dataset, so a data-free strategy may call it with
 * tokens it generates. Implementations are thread-safe.
 */
public interface MaskedForward {

    /** {@return size of the model's vocabulary; valid token ids are {@code [0, vocabularySize())}} */
    int vocabularySize();

    /** {@return ids of the special tokens} */
    SpecialTokens specialTokens();

    /** {@return the longest sequence the model accepts (its position embeddings)} */
    int maxSequenceLength();

    /**
     * Mean-pooled last hidden states, one vector of {@code hiddenSize} per sequence.
     *
     * @param mask heads and neurons to keep (removed units contribute nothing)
     * @param tokenIds sequences of token ids, each of its own length (no padding; the implementation
     *     pads and masks attention); include the special tokens you want
     * @return {@code [sequences][hidden]}
     */
    float[][] sentenceEmbeddings(PruningMask mask, int[][] tokenIds);

    /**
     * Fisher information of the head and neuron mask variables at the dense model, estimated per
     * sequence: the output embedding is treated as a Gaussian around the model's prediction, and
     * {@code probes} targets are sampled from it per sequence; the squared gradient of the
     * resulting loss with respect to each mask variable is summed.
     *
     * @param tokenIds the sequences, as for {@link #sentenceEmbeddings}
     * @param probes sampled targets per sequence (more lowers the variance)
     * @param seed seed of the sampled targets
     * @return the Fisher information of the head and neuron masks
     */
    MaskFisher maskFisher(int[][] tokenIds, int probes, long seed);
}
