package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.config.ConfigException;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.MaskedForward;

/** A runtime that cannot run the model: weight-only strategies and FLOPs or parameter budgets still work. */
public final class UnavailableRuntime implements ModelRuntime {
    @Override
    public Optional<MaskedForward> forward(LoadedModel model) {
        return Optional.empty();
    }

    @Override
    public Optional<CalibrationText> calibration(String corpus, LoadedModel model) {
        return Optional.empty();
    }

    @Override
    public LayerCosts latencyCosts(LoadedModel model, int sequenceLength, int batch) {
        throw new ConfigException("a latency budget needs the forward pass, which this runtime does not offer");
    }

    @Override
    public Optional<ObjectNode> compareLatency(BertCheckpoint dense, BertCheckpoint pruned, int sequenceLength, int batch) {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
