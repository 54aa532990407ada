package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.ArrayList;
import java.util.List;

/**
 * The BERT encoder's computation on NDArrays (post-LayerNorm BERT as in HuggingFace). Every result
 * is created in the manager of the batch's arrays, never in the weights' manager: each operation
 * takes a batch array as its first operand, and DJL attaches a result to its first operand's
 * manager. No operation works in place, so autograd can differentiate through all of them.
 */
final class EncoderBlocks {
    /** Added to the attention scores of padding positions; exp of it is 0 in float32. */
    private static final float PADDING_SCORE = -1e9f;

    private EncoderBlocks() {
    }

    /**
     * The last hidden state {@code [B, T, hidden]} of a padded batch.
     *
     * @param model embeddings and norms (and configuration)
     * @param layers per layer the weights to use: the model's own, or restricted to kept units
     * @param masks multiplicative head and neuron masks, or {@link MaskArrays#NONE}
     */
    static NDArray encode(EncoderWeights model, List<LayerWeights> layers, PaddedBatch batch, MaskArrays masks) {
        List<NDArray> states = encodeLayers(model, layers, batch, masks);
        return states.get(states.size() - 1);
    }

    /**
     * The hidden state after each layer, {@code [B, T, hidden]} per layer (the embeddings' output
     * when there is no layer), for objectives that compare layer by layer.
     */
    static List<NDArray> encodeLayers(EncoderWeights model, List<LayerWeights> layers, PaddedBatch batch,
            MaskArrays masks) {
        NDArray hidden = embed(model, batch);
        NDArray additiveMask = additiveMask(batch.attentionMask());
        List<NDArray> states = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerWeights layer = layers.get(i);
            hidden = attention(hidden, additiveMask, layer, masks.heads(i), model.eps());
            hidden = feedForward(hidden, layer, model.activation(), masks.neurons(i), model.eps());
            states.add(hidden);
        }
        return states.isEmpty() ? List.of(hidden) : states;
    }

    /** Word + position + token type 0 embeddings, then LayerNorm. */
    static NDArray embed(EncoderWeights model, PaddedBatch batch) {
        NDArray ids = batch.ids();
        NDManager manager = ids.getManager();
        NDArray words = model.wordEmbeddings().get(manager, new NDIndex("{}", ids));
        NDArray positions = model.positionEmbeddings().get(manager, new NDIndex("0:{}", batch.length()));
        NDArray sum = words.add(positions).add(model.tokenTypeZero());
        return norm(sum, model.embeddingNormWeight(), model.embeddingNormBias(), model.eps());
    }

    /** {@code 0} where the mask is 1 and a large negative score where it is 0, as {@code [B, 1, 1, T]}. */
    static NDArray additiveMask(NDArray attentionMask) {
        Shape s = attentionMask.getShape();
        NDArray padding = attentionMask.sub(1);
        return padding.mul(Scalars.of(padding, -PADDING_SCORE)).reshape(s.get(0), 1, 1, s.get(1));
    }

    /**
     * Self-attention, output projection, residual and LayerNorm. {@code headScale} ({@code [rows,
     * heads]} or {@code null}) multiplies each head's context before the output projection. A layer
     * with no head adds only the output bias to the residual.
     */
    static NDArray attention(NDArray hidden, NDArray additiveMask, LayerWeights w, NDArray headScale, float eps) {
        if (w.heads() == 0) {
            return norm(hidden.add(w.attentionOutputBias()), w.attentionNormWeight(), w.attentionNormBias(), eps);
        }
        NDArray merged = attentionContext(hidden, additiveMask, w, headScale);
        NDArray out = linear(merged, w.attentionOutput(), w.attentionOutputBias()).add(hidden);
        return norm(out, w.attentionNormWeight(), w.attentionNormBias(), eps);
    }

    /**
     * The heads' contexts side by side, {@code [B, T, heads·size]}, before the output projection,
     * each multiplied by its factor of {@code headScale} ({@code [rows, heads]}) unless it is null.
     * Needs a head.
     */
    static NDArray attentionContext(NDArray hidden, NDArray additiveMask, LayerWeights w, NDArray headScale) {
        Shape s = hidden.getShape();
        long batch = s.get(0);
        long length = s.get(1);
        int heads = w.heads();
        int size = w.headSize();
        NDArray q = linear(hidden, w.query(), w.queryBias()).reshape(batch, length, heads, size).transpose(0, 2, 1, 3);
        NDArray k = linear(hidden, w.key(), w.keyBias()).reshape(batch, length, heads, size).transpose(0, 2, 3, 1);
        NDArray v = linear(hidden, w.value(), w.valueBias()).reshape(batch, length, heads, size).transpose(0, 2, 1, 3);
        NDArray scores = q.matMul(k);
        NDArray context = scores.div(Scalars.of(scores, Math.sqrt(size))).add(additiveMask).softmax(-1).matMul(v);
        if (headScale != null) {
            context = context.mul(headScale.reshape(headScale.getShape().get(0), heads, 1, 1));
        }
        return context.transpose(0, 2, 1, 3).reshape(batch, length, (long) heads * size);
    }

    /** The FFN's activations {@code [B, T, width]}, before the output projection; needs a neuron. */
    static NDArray ffnActivation(NDArray hidden, LayerWeights w, Activation activation) {
        return activation.apply(linear(hidden, w.intermediate(), w.intermediateBias()));
    }

    /**
     * Intermediate projection, activation, output projection, residual and LayerNorm.
     * {@code neuronScale} ({@code [rows, neurons]} or {@code null}) multiplies the activation. A
     * layer with no neuron adds only the output bias to the residual.
     */
    static NDArray feedForward(NDArray hidden, LayerWeights w, Activation activation, NDArray neuronScale, float eps) {
        if (w.ffnWidth() == 0) {
            return norm(hidden.add(w.outputBias()), w.outputNormWeight(), w.outputNormBias(), eps);
        }
        NDArray inner = activation.apply(linear(hidden, w.intermediate(), w.intermediateBias()));
        if (neuronScale != null) {
            inner = inner.mul(neuronScale.reshape(neuronScale.getShape().get(0), 1, w.ffnWidth()));
        }
        NDArray out = linear(inner, w.output(), w.outputBias()).add(hidden);
        return norm(out, w.outputNormWeight(), w.outputNormBias(), eps);
    }

    /** Mean of the hidden states over the attention mask, {@code [B, hidden]}. */
    static NDArray meanPool(NDArray hidden, NDArray attentionMask) {
        NDArray summed = hidden.mul(attentionMask.expandDims(2)).sum(new int[] {1});
        NDArray tokens = attentionMask.sum(new int[] {1}, true);
        NDArray counts = tokens.maximum(Scalars.of(tokens, 1e-9));
        return summed.div(counts);
    }

    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    static NDArray norm(NDArray x, NDArray weight, NDArray bias, float eps) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(x.getShape().dimension() - 1)), weight, bias, eps)
                .singletonOrThrow();
    }
}
