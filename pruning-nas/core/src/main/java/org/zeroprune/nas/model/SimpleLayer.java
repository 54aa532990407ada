package org.zeroprune.nas.model;

import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModuleView;

/** An immutable {@link LayerView}. */
public record SimpleLayer(int index, ModuleView attention, ModuleView ffn) implements LayerView {
}
