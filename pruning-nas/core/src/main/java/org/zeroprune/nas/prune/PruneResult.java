package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.search.ScoredCandidate;

/**
 * What a pruning run produced.
 *
 * @param outputDirectory where the ranking and the model were written
 * @param ranking every evaluated candidate, best first
 * @param chosen the candidate that was exported (or would be)
 * @param exportedModel the pruned checkpoint directory, if exported
 * @param onnxModel the pruned model's {@code model.onnx} inside it, if exported in that format (the default)
 * @param report the run's summary: budget, costs, timings (all of them; {@code summary.json} has those
 *     up to its writing)
 */
public record PruneResult(Path outputDirectory, List<ScoredCandidate> ranking, ScoredCandidate chosen,
        Optional<Path> exportedModel, Optional<Path> onnxModel, PruneSummary report) {

    /** The summary as JSON, in the form of {@code summary.json}; a new node each call. */
    public ObjectNode summary() {
        return report.toJson();
    }

    /** {@code model_qint8.onnx} beside {@link #onnxModel()}, if {@code output.quantize} asked for it. */
    public Optional<Path> int8Model() {
        return onnxModel.map(p -> p.resolveSibling(OnnxExport.INT8_FILE)).filter(Files::isRegularFile);
    }

    /** The best candidate. */
    public ScoredCandidate best() {
        return ranking.get(0);
    }
}
