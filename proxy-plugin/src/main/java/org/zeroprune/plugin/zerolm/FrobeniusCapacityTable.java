package org.zeroprune.plugin.zerolm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zeroprune.spi.sums.EntryMeasure;
import org.zeroprune.spi.sums.KeptSum;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightView;

/**
 * The default capacity, the mean squared singular value {@code C(W_S) = ‖W_S‖²_F / r}, without
 * touching a weight per candidate. Prepared once: per module, the matrices are grouped by {@link
 * RankShape} and each group's squared entries are summed per unit ({@link KeptSum}). A candidate
 * then costs, per module and group, one pass over the mask's words and one division by {@code r},
 * i.e. O(layers × (head words + neuron words)); a matrix cut on both axes adds its rare O(kept²)
 * block sum, and the full mask is O(1) per module.
 */
final class FrobeniusCapacityTable implements CapacityTable {
    private final ModuleCapacity[] attention;
    private final ModuleCapacity[] ffn;

    FrobeniusCapacityTable(ModelView model) {
        int layers = model.layerCount();
        attention = new ModuleCapacity[layers];
        ffn = new ModuleCapacity[layers];
        for (int l = 0; l < layers; l++) {
            LayerView layer = model.layer(l);
            attention[l] = new ModuleCapacity(layer.attention());
            ffn[l] = new ModuleCapacity(layer.ffn());
        }
    }

    @Override
    public int layerCount() {
        return attention.length;
    }

    @Override
    public int units(int layer, ModuleKind kind) {
        return (kind == ModuleKind.ATTENTION ? attention : ffn)[layer].units;
    }

    @Override
    public double module(int layer, ModuleKind kind, UnitSet kept) {
        return (kind == ModuleKind.ATTENTION ? attention : ffn)[layer].capacity(kept);
    }

    private static final class ModuleCapacity {
        final int units;
        final RankShape[] shapes;
        final KeptSum[] squares;

        ModuleCapacity(ModuleView module) {
            units = module.unitCount();
            Map<RankShape, KeptSum.Builder> groups = new LinkedHashMap<>();
            for (WeightView matrix : module.matrices()) {
                groups.computeIfAbsent(RankShape.of(matrix), s -> KeptSum.builder(units, EntryMeasure.SQUARE))
                        .add(matrix);
            }
            shapes = groups.keySet().toArray(RankShape[]::new);
            squares = groups.values().stream().map(KeptSum.Builder::build).toArray(KeptSum[]::new);
        }

        double capacity(UnitSet kept) {
            int k = kept.count();
            double c = 0.0;
            for (int g = 0; g < shapes.length; g++) {
                int r = shapes[g].rank(k);
                if (r > 0) {
                    c += squares[g].of(kept) / r;
                }
            }
            return c;
        }
    }
}
