package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * A BERT encoder loaded onto DJL's PyTorch engine (CPU, float32), for sentence embeddings and
 * last hidden states of token-id sequences. The weights are copied into NDArrays once, in a manager
 * this object owns; {@link #close()} frees them. Each call works in its own sub-manager, one per
 * batch, freed when the batch is done.
 *
 * <p>Three ways to run the model:
 * <ul>
 *   <li>as loaded ({@link #sentenceEmbeddings(int[][])}): a dense or physically pruned checkpoint,
 *       with per-layer head counts and FFN widths from its configuration;
 *   <li>masked ({@link #maskedSentenceEmbeddings(UnitScales, int[][])}): every head's context and
 *       every neuron's activation multiplied by a factor, the definition of the masked model;
 *   <li>sliced ({@link #slicedSentenceEmbeddings(PruningMask, int[][])}): the fast path for
 *       scoring candidates, which runs only the kept heads and neurons by index-selecting their
 *       rows and columns, so that a smaller candidate costs fewer FLOPs. It equals the masked path
 *       with 0/1 factors up to float rounding.
 * </ul>
 *
 * <p>Sequences are given without padding; they are sorted by length, cut into batches of at most
 * {@link #batchSize()}, padded per batch with an attention mask, and results come back in input
 * order. Token type ids are all 0. Calls may run at the same time from several threads (the
 * search scores candidates on every core); PyTorch uses its own intra-op threads within a call.
 */
public final class BertEncoder implements AutoCloseable {
    /** Sequences per batch unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final NDManager manager;
    private final EncoderWeights weights;
    private final int batchSize;
    private final SlicedLayers slices;
    private volatile boolean closed;

    private BertEncoder(NDManager manager, EncoderWeights weights, int batchSize) {
        this.manager = manager;
        this.weights = weights;
        this.batchSize = batchSize;
        this.slices = new SlicedLayers(weights);
    }

    /** Loads {@code checkpoint} with batches of {@value #DEFAULT_BATCH_SIZE}. */
    public static BertEncoder load(BertCheckpoint checkpoint) {
        return load(checkpoint, DEFAULT_BATCH_SIZE);
    }

    /**
     * Loads {@code checkpoint}, copying its weights into float32 arrays.
     *
     * @param batchSize at most this many sequences run together
     */
    public static BertEncoder load(BertCheckpoint checkpoint, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        NDManager manager = TorchRuntime.newManager();
        try {
            return new BertEncoder(manager, EncoderWeights.load(checkpoint, manager), batchSize);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The configuration of the loaded checkpoint. */
    public BertConfig config() {
        return weights.config();
    }

    /** Width of the hidden states and embeddings. */
    public int hiddenSize() {
        return weights.config().hiddenSize();
    }

    /** Sequences per batch. */
    public int batchSize() {
        return batchSize;
    }

    /** The mask that keeps every head and neuron the loaded checkpoint has. */
    public PruningMask denseMask() {
        BertConfig config = config();
        List<UnitSet> heads = new ArrayList<>();
        List<UnitSet> neurons = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            heads.add(UnitSet.all(config.headsInLayer(l)));
            neurons.add(UnitSet.all(config.ffnWidth(l)));
        }
        return PruningMask.of(heads, neurons);
    }

    /**
     * Checks that {@code mask} covers this model: one entry per layer, as many heads and neurons per
     * layer as the loaded checkpoint has.
     *
     * @throws IllegalArgumentException naming the first layer that differs
     */
    public void checkFits(PruningMask mask) {
        EncoderInputs.checkSizes(config(), mask.layerCount(), l -> mask.heads(l).size(), l -> mask.neurons(l).size());
    }

    /** Last hidden states of the model as loaded: per sequence {@code [length][hidden]}. */
    public float[][][] lastHiddenStates(int[][] tokenIds) {
        return hiddenStates(tokenIds, scratch -> weights.layers(), scratch -> MaskArrays.NONE);
    }

    /** Mean-pooled last hidden states of the model as loaded: {@code [sequences][hidden]}. */
    public float[][] sentenceEmbeddings(int[][] tokenIds) {
        return pooled(tokenIds, scratch -> weights.layers(), scratch -> MaskArrays.NONE);
    }

    /** Last hidden states with every head's context and neuron's activation scaled by {@code scales}. */
    public float[][][] maskedLastHiddenStates(UnitScales scales, int[][] tokenIds) {
        checkFits(scales);
        return hiddenStates(tokenIds, scratch -> weights.layers(), scratch -> scaleArrays(scales, scratch));
    }

    /** Sentence embeddings with every head's context and neuron's activation scaled by {@code scales}. */
    public float[][] maskedSentenceEmbeddings(UnitScales scales, int[][] tokenIds) {
        checkFits(scales);
        return pooled(tokenIds, scratch -> weights.layers(), scratch -> scaleArrays(scales, scratch));
    }

    /** Last hidden states of the candidate {@code mask}, running only its kept heads and neurons. */
    public float[][][] slicedLastHiddenStates(PruningMask mask, int[][] tokenIds) {
        checkFits(mask);
        checkOpen();
        try (SlicedLayers.Plan plan = slices.plan(mask)) {
            return hiddenStates(tokenIds, scratch -> plan.layers(), scratch -> MaskArrays.NONE);
        }
    }

    /** Sentence embeddings of the candidate {@code mask}, running only its kept heads and neurons. */
    public float[][] slicedSentenceEmbeddings(PruningMask mask, int[][] tokenIds) {
        checkFits(mask);
        checkOpen();
        try (SlicedLayers.Plan plan = slices.plan(mask)) {
            return pooled(tokenIds, scratch -> plan.layers(), scratch -> MaskArrays.NONE);
        }
    }

    /** Frees the weights. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            slices.close();
            manager.close();
        }
    }

    /** The weights, for the gradient and latency code of this package. */
    EncoderWeights weights() {
        checkOpen();
        return weights;
    }

    /** Arrays held by the weights' manager and its open sub-managers: constant between calls. */
    synchronized int managedArrayCount() {
        checkOpen();
        return manager.getManagedArrays().size();
    }

    /** Bytes of the kept rows and columns cached for the sliced path. */
    long slicedCacheBytes() {
        return slices.cachedBytes();
    }

    /** A new sub-manager of the weights' manager; the caller closes it. */
    NDManager newScratch() {
        checkOpen();
        return manager.newSubManager();
    }

    /**
     * Checks that every sequence is non-empty, fits the position embeddings and holds valid ids.
     *
     * @throws IllegalArgumentException naming the first bad sequence
     */
    void checkTokens(int[][] tokenIds) {
        EncoderInputs.checkTokens(config(), tokenIds);
    }

    private void checkFits(UnitScales scales) {
        EncoderInputs.checkSizes(config(), scales.layerCount(), l -> scales.heads(l).length, l -> scales.neurons(l).length);
    }

    private static MaskArrays scaleArrays(UnitScales scales, NDManager scratch) {
        NDArray[] heads = new NDArray[scales.layerCount()];
        NDArray[] neurons = new NDArray[scales.layerCount()];
        for (int l = 0; l < heads.length; l++) {
            float[] h = scales.heads(l);
            float[] n = scales.neurons(l);
            heads[l] = scratch.create(h, new Shape(1, h.length));
            neurons[l] = scratch.create(n, new Shape(1, n.length));
        }
        return new MaskArrays() {
            @Override
            public NDArray heads(int layer) {
                return heads[layer];
            }

            @Override
            public NDArray neurons(int layer) {
                return neurons[layer];
            }
        };
    }

    private float[][][] hiddenStates(int[][] tokenIds, Function<NDManager, List<LayerWeights>> layers,
            Function<NDManager, MaskArrays> masks) {
        float[][][] out = new float[tokenIds.length][][];
        int hidden = hiddenSize();
        run(tokenIds, layers, masks, (batch, states) -> {
            float[] flat = states.toFloatArray();
            int length = batch.length();
            for (int i = 0; i < batch.size(); i++) {
                float[][] seq = new float[batch.lengths()[i]][hidden];
                for (int t = 0; t < seq.length; t++) {
                    System.arraycopy(flat, (i * length + t) * hidden, seq[t], 0, hidden);
                }
                out[batch.rows()[i]] = seq;
            }
        });
        return out;
    }

    private float[][] pooled(int[][] tokenIds, Function<NDManager, List<LayerWeights>> layers,
            Function<NDManager, MaskArrays> masks) {
        float[][] out = new float[tokenIds.length][];
        int hidden = hiddenSize();
        run(tokenIds, layers, masks, (batch, states) -> {
            float[] flat = EncoderBlocks.meanPool(states, batch.attentionMask()).toFloatArray();
            for (int i = 0; i < batch.size(); i++) {
                out[batch.rows()[i]] = Arrays.copyOfRange(flat, i * hidden, (i + 1) * hidden);
            }
        });
        return out;
    }

    private void run(int[][] tokenIds, Function<NDManager, List<LayerWeights>> layers,
            Function<NDManager, MaskArrays> masks, BatchResult result) {
        checkOpen();
        checkTokens(tokenIds);
        if (tokenIds.length == 0) {
            return;
        }
        TorchRuntime.withoutGradient(() -> {
            try (NDManager call = manager.newSubManager()) {
                List<LayerWeights> plan = layers.apply(call);
                for (int[] rows : Batches.byLength(tokenIds, batchSize)) {
                    try (NDManager scratch = call.newSubManager()) {
                        PaddedBatch batch = PaddedBatch.of(scratch, tokenIds, rows);
                        result.accept(batch, EncoderBlocks.encode(weights, plan, batch, masks.apply(scratch)));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Where the dense pass over {@code tokenIds} first gives a value that is not finite: 0 for the
     * embeddings' output, {@code l + 1} for the output of layer {@code l}; -1 when every value is finite.
     */
    synchronized int firstNonFiniteDepth(int[][] tokenIds) {
        checkOpen();
        checkTokens(tokenIds);
        return TorchRuntime.withoutGradient(() -> {
            int first = -1;
            try (NDManager call = manager.newSubManager()) {
                for (int[] rows : Batches.byLength(tokenIds, batchSize)) {
                    try (NDManager scratch = call.newSubManager()) {
                        PaddedBatch batch = PaddedBatch.of(scratch, tokenIds, rows);
                        List<NDArray> depths = new ArrayList<>();
                        depths.add(EncoderBlocks.embed(weights, batch));
                        if (!weights.layers().isEmpty()) {
                            depths.addAll(EncoderBlocks.encodeLayers(weights, weights.layers(), batch, MaskArrays.NONE));
                        }
                        for (int d = 0; d < depths.size() && (first < 0 || d < first); d++) {
                            if (!allFinite(depths.get(d).toFloatArray())) {
                                first = d;
                            }
                        }
                    }
                }
            }
            return first;
        });
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this encoder has been closed");
        }
    }

    /** Receives the last hidden state of one batch. */
    private interface BatchResult {
        void accept(PaddedBatch batch, NDArray lastHiddenState);
    }
}
