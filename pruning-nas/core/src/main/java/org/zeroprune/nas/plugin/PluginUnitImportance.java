package org.zeroprune.nas.plugin;

import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.model.ModelView;

/**
 * Checks a scorer's per-unit importance against the model it was prepared on before a search orders
 * units by it: one finite number per head and per neuron of every layer. A NaN would otherwise sort
 * as if it were an order and a short array fail deep in the search space, naming neither the strategy
 * nor its jar. Negative importances are fine: only their order counts.
 */
final class PluginUnitImportance {
    private PluginUnitImportance() {
    }

    /**
     * {@return a copy of {@code importance}, checked}
     *
     * @throws PluginException naming the strategy, its source, and the layer and unit at fault
     */
    static UnitImportance checked(String strategy, String source, ModelView model, UnitImportance importance) {
        String who = "strategy '" + strategy + "' (" + source + ")";
        if (importance == null) {
            throw new PluginException(who + " returned a null unit importance; expected one, or an empty Optional");
        }
        double[][] heads = new double[model.layerCount()][];
        double[][] neurons = new double[model.layerCount()][];
        for (int l = 0; l < model.layerCount(); l++) {
            heads[l] = layer(who, "head", importance.heads(), l, model.layerCount(), model.layer(l).attention().unitCount());
            neurons[l] = layer(who, "neuron", importance.neurons(), l, model.layerCount(), model.layer(l).ffn().unitCount());
        }
        return new UnitImportance(heads, neurons);
    }

    private static double[] layer(String who, String unit, double[][] all, int layer, int layers, int units) {
        String field = "unit importance of the " + unit + "s";
        if (all == null || all.length != layers) {
            throw new PluginException(who + " gave a " + field + " for " + (all == null ? "no" : all.length)
                    + " layers; the model has " + layers + ", and every layer needs one number per " + unit);
        }
        double[] values = all[layer];
        if (values == null || values.length != units) {
            throw new PluginException(who + " gave a " + field + " of layer " + layer + " for "
                    + (values == null ? "no" : values.length) + " " + unit + "s; the layer has " + units
                    + ": expected one number per " + unit);
        }
        for (int u = 0; u < units; u++) {
            if (!Double.isFinite(values[u])) {
                throw new PluginException(who + " gave " + values[u] + " as the unit importance of " + unit + " " + u
                        + " of layer " + layer + "; expected a finite number for every head and neuron (higher = keep)");
            }
        }
        return values.clone();
    }
}
