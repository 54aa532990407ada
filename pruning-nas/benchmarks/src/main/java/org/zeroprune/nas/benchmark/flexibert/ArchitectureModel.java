package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;

/**
 * A built architecture: name, hidden size and layers. It has no embeddings or other weights
 * outside the encoder layers.
 */
public record ArchitectureModel(String name, int hiddenSize, List<LayerView> layers) implements ModelView {

    /** Copies the layer list. */
    public ArchitectureModel {
        layers = List.copyOf(layers);
    }

    @Override
    public int layerCount() {
        return layers.size();
    }

    @Override
    public LayerView layer(int index) {
        return layers.get(index);
    }
}
