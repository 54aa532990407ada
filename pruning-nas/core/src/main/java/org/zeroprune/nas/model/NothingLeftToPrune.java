package org.zeroprune.nas.model;

import org.zeroprune.nas.ConfigException;
import org.zeroprune.spi.model.ModelView;

/**
 * Refuses a model without a single attention head or FFN neuron, such as the output of an earlier prune
 * whose budget removed everything: there is no candidate to search, and the strategies that run the
 * model would otherwise fail deep inside the forward pass with nothing to differentiate; evaluate would
 * report a budget that admits one candidate.
 */
public final class NothingLeftToPrune {
    private NothingLeftToPrune() {
    }

    /**
     * Fails when {@code model} keeps no unit in any layer.
     *
     * @param model a loaded model, before prune or evaluate searches it
     */
    public static void check(LoadedModel model) {
        ModelView view = model.view();
        for (int l = 0; l < view.layerCount(); l++) {
            if (view.layer(l).attention().unitCount() > 0 || view.layer(l).ffn().unitCount() > 0) {
                return;
            }
        }
        throw new ConfigException("nothing left to prune: " + model.description() + " has no attention head and no FFN"
                + " neuron in any of its " + view.layerCount() + " layers (an earlier prune removed them all); prune the"
                + " dense model it came from instead");
    }
}
