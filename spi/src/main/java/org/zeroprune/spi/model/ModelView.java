package org.zeroprune.spi.model;

import java.util.List;
import java.util.Optional;

/** Read-only view of an encoder's weights, layer by layer. */
public interface ModelView {

    /** {@return a name for reports: the checkpoint directory's name or an architecture id} */
    String name();

    /** {@return width of the residual stream} */
    int hiddenSize();

    /** {@return number of encoder layers} */
    int layerCount();

    /**
     * {@return layer {@code index}, {@code 0 <= index < layerCount()}}
     *
     * @param index the layer's position
     */
    LayerView layer(int index);

    /** {@return all layers in order} */
    default List<LayerView> layers() {
        LayerView[] layers = new LayerView[layerCount()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = layer(i);
        }
        return List.of(layers);
    }

    /**
     * A weight outside the encoder layers, by its canonical name without the {@code bert.}
     * prefix: {@code embeddings.word_embeddings.weight}, {@code embeddings.LayerNorm.weight},
     * {@code embeddings.LayerNorm.bias}, ... Empty when the model has no such tensor (for example
     * an architecture built only to be scored).
     *
     * @param name the canonical name
     * @return the weight, or empty
     */
    default Optional<WeightView> extraWeight(String name) {
        return Optional.empty();
    }
}
