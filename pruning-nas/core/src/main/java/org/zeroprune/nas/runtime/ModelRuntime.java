package org.zeroprune.nas.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.latency.LatencyBudget;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.MaskedForward;

/** What running the model offers a pruning job: a masked forward pass, calibration text, latency. */
public interface ModelRuntime extends AutoCloseable {

    /** A masked forward pass over the model, loaded on first use. */
    Optional<MaskedForward> forward(LoadedModel model);

    /**
     * Refuses, before any measurement, a model whose dense forward pass gives NaN or infinite values
     * (see {@link org.zeroprune.nas.forward.DenseOutputCheck}); every use of the forward pass checks
     * this too, on first load.
     */
    void checkDenseOutputs(LoadedModel model);

    /** Token ids of {@code sentences} for the model, with its special tokens, without padding. */
    int[][] tokenize(LoadedModel model, java.util.List<String> sentences);

    /** Mean-pooled last hidden states of {@code checkpoint} as loaded (for example an exported model). */
    float[][] sentenceEmbeddings(BertCheckpoint checkpoint, int[][] tokenIds);

    /** Calibration sentences from {@code corpus} ({@code builtin} or a file), tokenised for the model. */
    Optional<CalibrationText> calibration(String corpus, LoadedModel model);

    /** Per-layer latency of attention and FFN blocks of every width, measured on this machine. */
    LayerCosts latencyCosts(LoadedModel model, int sequenceLength, int batch);

    /**
     * The dense and pruned models' forward latency on this machine, for the summary, timed until
     * precise or until {@code deadline} (epoch milliseconds, from {@code budget}).
     */
    Optional<ObjectNode> compareLatency(BertCheckpoint dense, BertCheckpoint pruned, int sequenceLength, int batch,
            LatencyBudget budget, long deadline);

    @Override
    void close();
}
