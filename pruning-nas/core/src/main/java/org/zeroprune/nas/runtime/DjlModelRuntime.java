package org.zeroprune.nas.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.cost.LayerCosts;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.BertMaskedForward;
import org.zeroprune.nas.forward.DenseOutputCheck;
import org.zeroprune.nas.latency.LatencyBudget;
import org.zeroprune.nas.latency.LatencyProfiler;
import org.zeroprune.nas.latency.LatencyTable;
import org.zeroprune.nas.latency.TorchLatencyComparison;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Runs the model on DJL's PyTorch engine for a pruning job. The encoder is loaded on the first call
 * that needs it, so weight-only strategies never pay for it; everything loaded is freed on
 * {@link #close()}.
 */
public final class DjlModelRuntime implements ModelRuntime {
    private static final int FFN_STEPS = 17;

    private BertCheckpoint checkpoint;
    private BertEncoder encoder;
    private BertTokenizer tokenizer;
    private BertCheckpoint tokenizerOf;

    @Override
    public Optional<MaskedForward> forward(LoadedModel model) {
        return Optional.of(new LazyForward(model));
    }

    @Override
    public Optional<CalibrationText> calibration(String corpus, LoadedModel model) {
        Corpus text = corpus.equals("builtin") ? Corpus.bundled() : Corpus.read(Paths.get(corpus));
        List<String> sentences = text.calibration();
        int[][] ids = tokenizer(model).encode(sentences);
        return Optional.of(new CalibrationText() {
            @Override
            public List<String> sentences() {
                return sentences;
            }

            @Override
            public int[][] tokenIds() {
                return ids;
            }
        });
    }

    @Override
    public void checkDenseOutputs(LoadedModel model) {
        encoder(model);
    }

    @Override
    public int[][] tokenize(LoadedModel model, List<String> sentences) {
        return tokenizer(model).encode(sentences);
    }

    @Override
    public float[][] sentenceEmbeddings(BertCheckpoint other, int[][] tokenIds) {
        try (BertEncoder loaded = BertEncoder.load(other)) {
            return loaded.sentenceEmbeddings(tokenIds);
        }
    }

    @Override
    public LayerCosts latencyCosts(LoadedModel model, int sequenceLength, int batch) {
        BertEncoder loaded = encoder(model);
        int length = Math.min(sequenceLength, model.checkpoint().config().maxPositions());
        return LatencyTable.measure(loaded, new LatencyProfiler(loaded), length, batch, FFN_STEPS);
    }

    @Override
    public Optional<ObjectNode> compareLatency(BertCheckpoint dense, BertCheckpoint pruned, int sequenceLength, int batch,
            LatencyBudget budget, long deadline) {
        return Optional.of(TorchLatencyComparison.compare(dense, pruned, sequenceLength, batch, budget, deadline));
    }

    private synchronized BertEncoder encoder(LoadedModel model) {
        if (encoder == null || checkpoint != model.checkpoint()) {
            closeEncoder();
            BertEncoder loaded = BertEncoder.load(model.checkpoint());
            try {
                DenseOutputCheck.check(loaded, model.description());
            } catch (RuntimeException e) {
                loaded.close();
                throw e;
            }
            checkpoint = model.checkpoint();
            encoder = loaded;
        }
        return encoder;
    }

    /**
     * The model's tokenizer, truncating to what its position embeddings allow (a model with 64
     * positions gets at most 64 tokens, never the default 128 it cannot run). Reloaded when asked
     * for another checkpoint's, as the encoder is.
     */
    private synchronized BertTokenizer tokenizer(LoadedModel model) {
        if (tokenizer == null || tokenizerOf != model.checkpoint()) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            tokenizerOf = model.checkpoint();
            Path file = model.checkpoint().tokenizer().orElseThrow(() -> BertTokenizer.missing(model.tokenizerSource()));
            tokenizer = BertTokenizer.open(file, BertTokenizer.lengthFor(BertTokenizer.DEFAULT_MAX_LENGTH,
                    model.checkpoint().config().maxPositions()));
        }
        return tokenizer;
    }

    private void closeEncoder() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }

    @Override
    public synchronized void close() {
        closeEncoder();
        if (tokenizer != null) {
            tokenizer.close();
            tokenizer = null;
        }
    }

    /** A {@link MaskedForward} that loads the encoder and tokenizer when first used. */
    private final class LazyForward implements MaskedForward {
        private final LoadedModel model;
        private BertMaskedForward delegate;

        LazyForward(LoadedModel model) {
            this.model = model;
        }

        private synchronized BertMaskedForward delegate() {
            if (delegate == null) {
                delegate = new BertMaskedForward(encoder(model), tokenizer(model).specialTokens());
            }
            return delegate;
        }

        @Override
        public int vocabularySize() {
            return model.checkpoint().config().vocabSize();
        }

        @Override
        public SpecialTokens specialTokens() {
            return delegate().specialTokens();
        }

        @Override
        public int maxSequenceLength() {
            return model.checkpoint().config().maxPositions();
        }

        @Override
        public float[][] sentenceEmbeddings(PruningMask mask, int[][] tokenIds) {
            return delegate().sentenceEmbeddings(mask, tokenIds);
        }

        @Override
        public MaskFisher maskFisher(int[][] tokenIds, int probes, long seed) {
            return delegate().maskFisher(tokenIds, probes, seed);
        }
    }
}
