package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.config.PruneConfig.ReconstructConfig;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.quality.CorpusLanguageCheck;
import org.zeroprune.nas.reconstruct.DistillObjective;
import org.zeroprune.nas.reconstruct.GeneratedCalibration;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.nas.reconstruct.Reconstructor;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.MaskedForward;

/**
 * Reconstruction as a prune or export runs it: picks the calibration sequences (the corpus's
 * calibration part when one is configured, else sequences generated from the model's vocabulary;
 * never the corpus's evaluation part) and reconstructs the cut candidate.
 */
public final class ReconstructionStep {
    /** Shortest and longest generated calibration sequence, special tokens included. */
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 40;

    private final ReconstructConfig config;
    private final String corpus;
    private final ModelRuntime runtime;
    private final long seed;

    /**
     * @param corpus {@code scoring.corpus}: {@code builtin}, a file, or empty
     * @param seed seed of the generated sequences and of the tuning order
     */
    public ReconstructionStep(ReconstructConfig config, String corpus, ModelRuntime runtime, long seed) {
        this.config = config;
        this.corpus = corpus;
        this.runtime = runtime;
        this.seed = seed;
    }

    /** The configured level. */
    public ReconstructionLevel level() {
        return ReconstructionLevel.named(config.level());
    }

    /**
     * Whether {@link #run} will change anything for {@code model}: a level other than none, and token
     * sequences to calibrate on (text, or a tokenizer to generate them with).
     */
    public boolean reconstructs(LoadedModel model) {
        return level() != ReconstructionLevel.NONE && (usesText() || model.checkpoint().tokenizer().isPresent());
    }

    private boolean usesText() {
        return config.calibration().equals("corpus") || (config.calibration().equals("auto") && !corpus.isBlank());
    }

    /** Optimisation steps the level takes at most, for progress; -1 when it does not count steps. */
    public long plannedSteps() {
        return level() == ReconstructionLevel.DISTILL ? config.distill().steps() : -1;
    }

    /** Reconstructs {@code cut}, a candidate cut out of {@code model}. */
    public Reconstructor.Reconstruction run(LoadedModel model, BertCheckpoint cut) {
        return run(model, cut, step -> { });
    }

    /** Reconstructs {@code cut}, telling {@code progress} each optimisation step that ends (see {@link #plannedSteps}). */
    public Reconstructor.Reconstruction run(LoadedModel model, BertCheckpoint cut, IntConsumer progress) {
        ReconstructionLevel level = level();
        PruneConfig.DistillConfig d = config.distill();
        Reconstructor.Settings settings = new Reconstructor.Settings(level, config.steps(), seed,
                new Reconstructor.DistillSettings(d.steps(), d.learningRate(), d.seconds(),
                        new DistillObjective(d.relational(), d.pooled(), d.tokens(), d.layers()),
                        d.init().equals("refit")));
        if (level == ReconstructionLevel.NONE) {
            return Reconstructor.run(model.checkpoint(), cut, new int[0][], "", settings);
        }
        if (usesText()) {
            CalibrationText text = runtime.calibration(corpus, model).orElseThrow();
            int[][] ids = text.tokenIds();
            // export reaches here without prune's check: tuning on [UNK] tokens only would fit nothing
            runtime.forward(model).ifPresent(f -> CorpusLanguageCheck.of(corpus, text.sentences(), ids, f.specialTokens())
                    .requireReadable());
            return Reconstructor.run(model.checkpoint(), cut, ids, "calibration part of corpus " + corpus, settings,
                    progress);
        }
        Optional<MaskedForward> forward = model.checkpoint().tokenizer().isPresent() ? runtime.forward(model)
                : Optional.empty();
        if (forward.isEmpty()) {
            Reconstructor.Reconstruction skipped = Reconstructor.run(model.checkpoint(), cut, new int[0][], "",
                    new Reconstructor.Settings(ReconstructionLevel.NONE, config.steps(), seed));
            ObjectNode report = skipped.report();
            report.put("skipped", "level " + level.word() + " needs token sequences, and the model has no tokenizer.json"
                    + " to generate them from; exported as cut");
            return skipped;
        }
        GeneratedCalibration generator = generator(model);
        int[][] ids = generate(generator, model, config.sequences(), seed);
        return Reconstructor.run(model.checkpoint(), cut, ids, "generated: " + generator.prior(), settings, progress);
    }

    /** {@code count} generated sequences from another seed than calibration's, to judge reconstructions by. */
    int[][] validationSequences(LoadedModel model, int count) {
        return generate(generator(model), model, count, ~seed);
    }

    private GeneratedCalibration generator(LoadedModel model) {
        return GeneratedCalibration.forTokenizer(model.checkpoint().tokenizer().orElseThrow(),
                model.checkpoint().config().vocabSize(), runtime.forward(model).orElseThrow().specialTokens());
    }

    private static int[][] generate(GeneratedCalibration generator, LoadedModel model, int count, long seed) {
        int max = Math.min(MAX_LENGTH, model.checkpoint().config().maxPositions());
        return generator.sample(count, Math.min(MIN_LENGTH, max), max, seed);
    }
}
