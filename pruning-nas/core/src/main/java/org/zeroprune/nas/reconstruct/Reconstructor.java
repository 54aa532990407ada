package org.zeroprune.nas.reconstruct;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.forward.BertEncoder;

/**
 * The step between search and export: the chosen candidate, cut out of the dense model, is
 * reconstructed so that its outputs follow the dense model's on calibration sequences, and the result
 * is folded into weights of the standard BERT layout. Every level keeps the plain cut wherever its fit
 * does not lower the calibration error (end to end: on the whole calibration set; layer-wise: per
 * block, on held-out calibration sequences).
 */
public final class Reconstructor {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Most calibration sequences the layer-wise levels use (the first ones): their memory grows with every
     * token, and a text corpus of thousands of sentences exhausted 24 GiB.
     */
    static final int LAYERWISE_SEQUENCES = 512;
    /** Sequences per distillation step: the relational term compares every pair of a batch. */
    private static final int DISTILL_BATCH = 32;
    /** Steps between held-out measurements of distillation. */
    private static final int DISTILL_EVALUATE_EVERY = 25;
    /** Held-out measurements without improvement before distillation stops. */
    private static final int DISTILL_PATIENCE = 3;

    /**
     * @param level what may change
     * @param steps optimisation steps of {@link ReconstructionLevel#TUNE}
     * @param seed order of the tuning batches
     * @param distill settings of {@link ReconstructionLevel#DISTILL}
     */
    public record Settings(ReconstructionLevel level, int steps, long seed, DistillSettings distill) {
        /** Settings with {@code distill}'s defaults. */
        public Settings(ReconstructionLevel level, int steps, long seed) {
            this(level, steps, seed, DistillSettings.DEFAULTS);
        }
    }

    /**
     * Settings of {@link ReconstructionLevel#DISTILL}.
     *
     * @param steps most optimisation steps (fewer when held-out loss stops falling)
     * @param learningRate Adam's step size
     * @param seconds time cap of the training loop
     * @param objective weights of the objective's terms
     * @param refitFirst start from the layer-wise least-squares refit of the output projections instead of
     *     the plain cut
     */
    public record DistillSettings(int steps, double learningRate, double seconds, DistillObjective objective,
            boolean refitFirst) {
        /** What {@code defaults.yaml} says. */
        public static final DistillSettings DEFAULTS = new DistillSettings(400, 1e-4, 240,
                new DistillObjective(0, 0, 1, 0), false);
    }

    /**
     * The reconstructed model and what was done, as {@code summary.json} reports it.
     *
     * @param checkpoint the model to export (the plain cut under {@link ReconstructionLevel#NONE})
     * @param report level, calibration, objective before and after, per-block details, seconds
     */
    public record Reconstruction(BertCheckpoint checkpoint, ObjectNode report) {
    }

    private Reconstructor() {
    }

    /**
     * Reconstructs {@code pruned} against {@code dense}.
     *
     * @param pruned the chosen candidate, physically cut out of {@code dense}
     * @param calibration token sequences with their special tokens
     * @param calibrationSource what the sequences are, for the report
     */
    public static Reconstruction run(BertCheckpoint dense, BertCheckpoint pruned, int[][] calibration,
            String calibrationSource, Settings settings) {
        return run(dense, pruned, calibration, calibrationSource, settings, step -> { });
    }

    /**
     * Reconstructs {@code pruned} against {@code dense}, telling {@code progress} the number of each
     * optimisation step of {@link ReconstructionLevel#DISTILL} as it ends.
     */
    public static Reconstruction run(BertCheckpoint dense, BertCheckpoint pruned, int[][] calibration,
            String calibrationSource, Settings settings, IntConsumer progress) {
        ObjectNode report = JSON.createObjectNode();
        report.put("level", settings.level().word());
        if (settings.level() == ReconstructionLevel.NONE) {
            return new Reconstruction(pruned, report);
        }
        long start = System.nanoTime();
        ObjectNode cal = report.putObject("calibration");
        cal.put("source", calibrationSource);
        cal.put("sequences", calibration.length);
        cal.put("tokens", Arrays.stream(calibration).mapToLong(s -> s.length).sum());
        BertCheckpoint result;
        try (BertEncoder denseModel = BertEncoder.load(dense)) {
            result = switch (settings.level()) {
                case TUNE -> tune(denseModel, pruned, calibration, settings, report);
                case DISTILL -> distill(denseModel, pruned, calibration, settings, report, progress);
                default -> layerwise(denseModel, pruned, calibration, settings.level(), report);
            };
        }
        report.put("seconds", (System.nanoTime() - start) / 1e9);
        requireFiniteObjective(settings.level(), report);
        return new Reconstruction(result, report);
    }

    /** Refuses a reconstruction whose objective is NaN or infinite: its weights would be exported as a result. */
    private static void requireFiniteObjective(ReconstructionLevel level, ObjectNode report) {
        double before = report.path("objectiveBefore").asDouble(0);
        double after = report.path("objectiveAfter").asDouble(0);
        if (!Double.isFinite(before) || !Double.isFinite(after)) {
            throw new ZeroPruneException("reconstruction level " + level.word() + " ended with a non-finite objective ("
                    + before + " -> " + after + "): the calibration text or the model gives NaN or infinite values;"
                    + " nothing was exported (try --reconstruct none, or another calibration text)");
        }
    }

    private static BertCheckpoint tune(BertEncoder dense, BertCheckpoint pruned, int[][] calibration, Settings settings,
            ObjectNode report) {
        float[][][] targets = dense.lastHiddenStates(calibration);
        EndToEndTuner.Settings tuning = EndToEndTuner.Settings.defaults(settings.steps(), settings.seed());
        try (BertEncoder model = BertEncoder.load(pruned)) {
            EndToEndTuner.Result tuned = EndToEndTuner.tune(model, targets, calibration, tuning);
            report.put("objective", "relative squared error of the last hidden states + mean cosine distance of the"
                    + " pooled embeddings");
            report.put("objectiveBefore", tuned.objectiveBefore());
            report.put("objectiveAfter", tuned.objectiveAfter());
            report.put("changed", tuned.objectiveAfter() < tuned.objectiveBefore());
            report.put("steps", settings.steps());
            return tuned.parameters().foldInto(pruned);
        }
    }

    private static BertCheckpoint distill(BertEncoder dense, BertCheckpoint pruned, int[][] calibration, Settings settings,
            ObjectNode report, IntConsumer progress) {
        CalibrationSplit split = CalibrationSplit.of(calibration);
        DistillSettings d = settings.distill();
        Distiller.Settings training = new Distiller.Settings(d.steps(), DISTILL_BATCH, d.learningRate(),
                d.objective(), DISTILL_EVALUATE_EVERY, DISTILL_PATIENCE, d.seconds(), settings.seed());
        BertCheckpoint start = pruned;
        if (d.refitFirst()) {
            // the refit's own per-block held-out check keeps the cut wherever the refit does not help
            start = layerwise(dense, pruned, split.train(), ReconstructionLevel.REFIT, report.putObject("refit"));
        }
        try (BertEncoder model = BertEncoder.load(start)) {
            Distiller.Result r = Distiller.distill(dense, model, split.train(), split.heldOut(), training, progress);
            DistillObjective o = d.objective();
            report.put("objective", String.format(Locale.ROOT, "%s x pairwise cosine similarities of pooled"
                    + " embeddings (mean squared difference) + %s x pooled cosine distance + %s x relative squared error"
                    + " of the last hidden states + %s x that of every layer's", o.relational(), o.pooled(), o.tokens(),
                    o.layers()));
            report.put("trainSequences", split.train().length);
            report.put("heldOutSequences", split.heldOut().length);
            report.put("objectiveBefore", r.heldOutBefore());
            report.put("objectiveAfter", r.heldOutAfter());
            report.put("changed", r.changed());
            report.put("steps", r.steps());
            report.put("bestStep", r.bestStep());
            report.put("stoppedBy", r.stoppedBy());
            return r.changed() ? LayerArrays.foldInto(start, r.weights()) : start;
        }
    }

    private static BertCheckpoint layerwise(BertEncoder dense, BertCheckpoint pruned, int[][] calibration,
            ReconstructionLevel level, ObjectNode report) {
        // the layer-wise fit holds every calibration token's block inputs and outputs in memory
        int[][] used = calibration.length > LAYERWISE_SEQUENCES ? Arrays.copyOf(calibration, LAYERWISE_SEQUENCES)
                : calibration;
        report.put("sequencesUsed", used.length);
        LayerwiseRefit.Result refit = LayerwiseRefit.run(dense, pruned, used,
                level == ReconstructionLevel.SCALES ? LayerwiseRefit.Level.SCALES : LayerwiseRefit.Level.REFIT);
        report.put("objective", "squared error of each block's sum before LayerNorm against the dense block's");
        double before = 0;
        double after = 0;
        int kept = 0;
        ArrayNode blocks = report.putArray("blocks");
        for (LayerwiseRefit.BlockReport b : refit.blocks()) {
            ObjectNode n = blocks.addObject();
            n.put("layer", b.layer());
            n.put("block", b.block());
            n.put("units", b.units());
            n.put("before", b.before());
            n.put("after", b.after());
            n.put("heldOutBefore", b.heldOutBefore());
            if (Double.isFinite(b.heldOutAfter())) {
                // absent when no damping gave an admissible fit
                n.put("heldOutAfter", b.heldOutAfter());
                n.put("damping", b.damping());
            }
            n.put("refitted", b.refitted());
            before += b.before();
            after += b.after();
            kept += b.refitted() ? 0 : 1;
        }
        report.put("objectiveBefore", before);
        report.put("objectiveAfter", after);
        report.put("blocksKeptAsCut", kept);
        report.put("changed", kept < refit.blocks().size());
        return refit.checkpoint();
    }
}
