package org.zeroprune.nas.model;

import java.util.List;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightView;

/** An immutable {@link ModuleView}. */
public record SimpleModule(ModuleKind kind, String operation, int unitCount, List<WeightView> weights)
        implements ModuleView {

    /** Copies the weight list. */
    public SimpleModule {
        weights = List.copyOf(weights);
    }
}
