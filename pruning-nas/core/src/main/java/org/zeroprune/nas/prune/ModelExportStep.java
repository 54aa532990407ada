package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.export.PrunedModelExport;
import org.zeroprune.nas.export.Quantization;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.latency.LatencyBudget;
import org.zeroprune.nas.latency.OrtLatencyComparison;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.reconstruct.Reconstructor;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.spi.context.ProgressListener;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.mask.PruningMask;

/**
 * The export step of a prune run: writes the chosen candidate, reconstructed, as {@code model/}, then
 * times it beside the dense model. The reconstruction's report, the rerank's trials and the latency
 * figures are the summary's {@link PruneSummary.Export}.
 */
final class ModelExportStep {
    private final PruneConfig config;
    private final ModelRuntime runtime;
    private final ProgressListener progress;
    private final PhaseTimer timer;

    ModelExportStep(PruneConfig config, ModelRuntime runtime, ProgressListener progress, PhaseTimer timer) {
        this.config = config;
        this.runtime = runtime;
        this.progress = progress;
        this.timer = timer;
    }

    /**
     * What was written and measured.
     *
     * @param checkpoint the pruned checkpoint as written
     * @param figures for the summary
     */
    record Exported(BertCheckpoint checkpoint, PruneSummary.Export figures) {
    }

    /**
     * Writes {@code dir/model} and measures it.
     *
     * @param published where {@code dir/model} will be once the output directory is published, for the summary
     * @param masks the chosen candidate's ranking row, written beside the checkpoint
     * @param quantization whether {@code model_qint8.onnx} is written beside {@code model.onnx}
     * @param reranked the rerank's pick, already reconstructed; empty to reconstruct the chosen candidate here
     */
    Exported write(Path dir, Path published, LoadedModel model, PruningMask mask, ObjectNode masks, ExportFormat format,
            Quantization quantization, Optional<ReconstructedRerank.Pick> reranked, ReconstructionStep reconstruction)
            throws IOException {
        Path modelDir = dir.resolve("model");
        Files.createDirectory(modelDir);
        masks.put("source", model.description());
        ObjectNode[] report = new ObjectNode[1];
        PrunedModelExport.Written written = PrunedModelExport.write(model.checkpoint(), mask, modelDir, masks, format,
                quantization, cut -> reranked.map(pick -> {
                    report[0] = pick.reconstruction().report();
                    return pick.onto(cut);
                }).orElseGet(() -> {
                    Reconstructor.Reconstruction r = reconstruct(reconstruction, model, cut);
                    report[0] = r.report();
                    return r.checkpoint();
                }));
        Latency latency = measureLatency(model, written, format);
        Optional<ObjectNode> int8 = written.int8().map(file -> Int8Figures.of(published.resolve(file.getFileName()),
                file, written.onnx().get(), quantization, latency.int8()));
        return new Exported(written.checkpoint(), new PruneSummary.Export(Optional.ofNullable(report[0]),
                reranked.map(ReconstructedRerank.Pick::trials), latency.torch(), latency.onnx(), int8));
    }

    /** The cut candidate as reconstruction leaves it (the cut itself if the step skips this model), and the report. */
    private Reconstructor.Reconstruction reconstruct(ReconstructionStep step, LoadedModel model, BertCheckpoint cut) {
        if (!step.reconstructs(model)) {
            return new Reconstructor.Reconstruction(cut, step.run(model, cut).report());
        }
        try (ProgressTask task = progress.start("Reconstructing the chosen candidate (" + step.level().word() + ")",
                step.plannedSteps())) {
            return timer.time("reconstruct", () -> step.run(model, cut, done -> task.step(1)));
        }
    }

    /** Dense against pruned in PyTorch and in ONNX Runtime, as {@code output.measure-latency} asks; each if measured. */
    private Latency measureLatency(LoadedModel model, PrunedModelExport.Written written, ExportFormat format) {
        Optional<ObjectNode> torchLatency = Optional.empty();
        Optional<ObjectNode> onnxLatency = Optional.empty();
        Optional<ObjectNode> int8Latency = Optional.empty();
        boolean ort = config.output().measureLatency() && written.onnx().isPresent();
        // the PyTorch figure times the checkpoint files, so only when model.safetensors is written, and not
        // when it is zero-padded: that file runs at the dense model's speed wherever it is loaded; by default
        // only when there is no model.onnx to time, since each engine's timing costs a fresh JVM and both loads
        boolean torch = config.output().measureLatency() && format.safetensors() && !format.padded()
                && (!ort || config.output().latencyEngines().equals("all"));
        boolean int8 = config.output().measureLatency() && written.int8().isPresent();
        // one budget for every engine, so that timing never dominates a prune of a big model
        LatencyBudget latencyBudget = new LatencyBudget(config.output().latencySeconds());
        int ortTimings = (ort ? 1 : 0) + (int8 ? 1 : 0);
        if (torch) {
            try (ProgressTask task = progress.start("Timing dense vs pruned forward", -1)) {
                // its own phase: the export's seconds are the writing alone
                torchLatency = timer.time("latency", () -> runtime.compareLatency(model.checkpoint(), written.checkpoint(),
                        config.budget().sequenceLength(), config.budget().latencyBatch(), latencyBudget,
                        latencyBudget.deadline(1 + ortTimings)));
            }
        }
        if (ort) {
            try (ProgressTask task = progress.start("Timing dense vs pruned model.onnx in ONNX Runtime", -1)) {
                onnxLatency = Optional.of(timer.time("onnx-latency", () -> onnxAgainstDense(model.checkpoint(),
                        written.onnx().get(), latencyBudget, latencyBudget.deadline(ortTimings))));
            }
        }
        if (int8) {
            try (ProgressTask task = progress.start("Timing dense float vs pruned model_qint8.onnx in ONNX Runtime", -1)) {
                int8Latency = Optional.of(timer.time("int8-latency", () -> onnxAgainstDense(model.checkpoint(),
                        written.int8().get(), latencyBudget, latencyBudget.deadline(1))));
            }
        }
        return new Latency(torchLatency, onnxLatency, int8Latency);
    }

    /**
     * {@code prunedOnnx} against the dense model in ONNX Runtime: the dense checkpoint goes through
     * the same ONNX export, into a temporary directory removed afterwards.
     *
     * @param deadline epoch milliseconds, from {@code budget}
     */
    private ObjectNode onnxAgainstDense(BertCheckpoint dense, Path prunedOnnx, LatencyBudget budget, long deadline) {
        double share = budget.secondsUntil(deadline);
        Path work = AtomicFiles.temporaryDirectory("dense-onnx");
        try {
            return OrtLatencyComparison.compare(dense.config(), OnnxExport.write(dense, work), prunedOnnx,
                    config.budget().sequenceLength(), config.budget().latencyBatch(), share, deadline);
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    /**
     * Dense against pruned, each if timed: in PyTorch, {@code model.onnx} in ONNX Runtime, and
     * {@code model_qint8.onnx} against the dense float model in ONNX Runtime.
     */
    private record Latency(Optional<ObjectNode> torch, Optional<ObjectNode> onnx, Optional<ObjectNode> int8) {
    }
}
