package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.zeroprune.nas.checkpoint.BertConfig;

/**
 * A loaded {@link BertEncoder} opened up for the code above this package that trains or times its
 * blocks (the recovery algorithms of {@code reconstruct}, the block profiler of {@code latency}):
 * its live layer weights, scratch managers, and the very block functions the forward pass runs, so
 * that what those algorithms compute is what the encoder computes. It is the one public way into
 * the encoder's weights; the rest of the forward pass stays package-private.
 *
 * <p>The layer weights are the encoder's own arrays: an algorithm that trains them in place (as
 * distillation does) changes the loaded model. Hold the encoder's monitor ({@code synchronized
 * (encoder)}) while running blocks, and {@link #gradientLock()} too while recording gradients.
 */
public final class OpenEncoder {
    private final BertEncoder encoder;

    private OpenEncoder(BertEncoder encoder) {
        this.encoder = encoder;
    }

    /** {@code encoder} opened up; valid until the encoder is closed. */
    public static OpenEncoder of(BertEncoder encoder) {
        return new OpenEncoder(encoder);
    }

    /**
     * The lock every gradient recording holds: DJL's PyTorch engine allows one gradient collector
     * at a time in the whole JVM.
     */
    public static Object gradientLock() {
        return MaskGradients.COLLECTOR;
    }

    /** The configuration of the loaded checkpoint. */
    public BertConfig config() {
        return encoder.config();
    }

    /** Every layer's weights as loaded (the live arrays, not copies). */
    public List<LayerWeights> layers() {
        return encoder.weights().layers();
    }

    /** LayerNorm epsilon of every norm in the model. */
    public float eps() {
        return encoder.weights().eps();
    }

    /** A new sub-manager of the weights' manager; the caller closes it. */
    public NDManager newScratch() {
        return encoder.newScratch();
    }

    /**
     * Checks that every sequence is non-empty, fits the position embeddings and holds valid ids.
     *
     * @throws IllegalArgumentException naming the first bad sequence
     */
    public void checkTokens(int[][] tokenIds) {
        encoder.checkTokens(tokenIds);
    }

    /** Indices of {@code tokenIds} in batches of the encoder's size, longest first, as the forward pass groups them. */
    public List<int[]> batchesByLength(int[][] tokenIds) {
        return Batches.byLength(tokenIds, encoder.batchSize());
    }

    /** The last hidden state {@code [B, T, hidden]} of {@code batch} through {@code layers}, scaled by {@code masks}. */
    public NDArray encode(List<LayerWeights> layers, PaddedBatch batch, MaskArrays masks) {
        return EncoderBlocks.encode(encoder.weights(), layers, batch, masks);
    }

    /** The hidden state after each of {@code layers}, {@code [B, T, hidden]} per layer. */
    public List<NDArray> encodeLayers(List<LayerWeights> layers, PaddedBatch batch, MaskArrays masks) {
        return EncoderBlocks.encodeLayers(encoder.weights(), layers, batch, masks);
    }

    /** Word + position + token type 0 embeddings of {@code batch}, then LayerNorm. */
    public NDArray embed(PaddedBatch batch) {
        return EncoderBlocks.embed(encoder.weights(), batch);
    }

    /** The heads' contexts side by side, {@code [B, T, heads·size]}, before the output projection; needs a head. */
    public NDArray attentionContext(NDArray hidden, NDArray additiveMask, LayerWeights layer) {
        return EncoderBlocks.attentionContext(hidden, additiveMask, layer, null);
    }

    /** The FFN's activations {@code [B, T, width]}, before the output projection; needs a neuron. */
    public NDArray ffnActivation(NDArray hidden, LayerWeights layer) {
        return EncoderBlocks.ffnActivation(hidden, layer, encoder.weights().activation());
    }

    /** The whole attention block: self-attention, output projection, residual and LayerNorm. */
    public NDArray attentionBlock(NDArray hidden, NDArray additiveMask, LayerWeights layer) {
        return EncoderBlocks.attention(hidden, additiveMask, layer, null, eps());
    }

    /** The whole FFN block: both projections, activation, residual and LayerNorm. */
    public NDArray feedForwardBlock(NDArray hidden, LayerWeights layer) {
        return EncoderBlocks.feedForward(hidden, layer, encoder.weights().activation(), null, eps());
    }

    /** LayerNorm over the last axis with this model's epsilon. */
    public NDArray norm(NDArray x, NDArray weight, NDArray bias) {
        return EncoderBlocks.norm(x, weight, bias, eps());
    }

    /** {@code x·weightᵀ + bias}, the weight in HF's Linear layout. */
    public static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return EncoderBlocks.linear(x, weight, bias);
    }

    /** Mean of the hidden states over the attention mask, {@code [B, hidden]}. */
    public static NDArray meanPool(NDArray hidden, NDArray attentionMask) {
        return EncoderBlocks.meanPool(hidden, attentionMask);
    }

    /** {@code 0} where the mask is 1 and a large negative score where it is 0, as {@code [B, 1, 1, T]}. */
    public static NDArray additiveMask(NDArray attentionMask) {
        return EncoderBlocks.additiveMask(attentionMask);
    }
}
