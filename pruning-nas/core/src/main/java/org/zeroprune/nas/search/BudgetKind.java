package org.zeroprune.nas.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.cost.ViewCostModel;

/**
 * The budget kinds, each a configuration key under {@code budget} (its name in lower case). A new
 * kind is one constant here, with how its per-layer costs are counted; the configuration's keys,
 * its checks and their messages follow from this list.
 */
public enum BudgetKind {
    /** MACs per token of the encoder layers. */
    FLOPS(LayerCosts::macs),
    /** Parameters of the encoder layers. */
    PARAMS(LayerCosts::params),
    /** Measured forward latency of the encoder layers on this machine. */
    LATENCY(null);

    // null for a kind measured on this machine rather than counted from the model's shapes
    private final Function<ViewCostModel, LayerCosts> counted;

    BudgetKind(Function<ViewCostModel, LayerCosts> counted) {
        this.counted = counted;
    }

    /** The configuration key. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The per-layer costs this kind limits.
     *
     * @param costs the model's module costs, for counted kinds
     * @param measured times the blocks on this machine, for measured kinds; called only for them
     */
    public LayerCosts layerCosts(ViewCostModel costs, Supplier<LayerCosts> measured) {
        return counted != null ? counted.apply(costs) : measured.get();
    }

    /** The kind whose key is {@code key}, if any. */
    public static Optional<BudgetKind> forKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst();
    }

    /** Every key, in declaration order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(BudgetKind::key).toList();
    }
}
