package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.zeroprune.nas.search.ScoredCandidate;

/**
 * What a pruning run produced.
 *
 * @param outputDirectory where the ranking and the model were written
 * @param ranking every evaluated candidate, best first
 * @param chosen the candidate that was exported (or would be)
 * @param exportedModel the pruned checkpoint directory, if exported
 * @param onnxModel the pruned model's {@code model.onnx} inside it, if exported in that format (the default)
 * @param summary the run's summary (also written as {@code summary.json}): budget, costs, timings
 */
public record PruneResult(Path outputDirectory, List<ScoredCandidate> ranking, ScoredCandidate chosen,
        Optional<Path> exportedModel, Optional<Path> onnxModel, ObjectNode summary) {

    /** The best candidate. */
    public ScoredCandidate best() {
        return ranking.get(0);
    }
}
