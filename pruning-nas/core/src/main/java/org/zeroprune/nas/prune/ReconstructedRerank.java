package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.quality.Cosine;
import org.zeroprune.nas.reconstruct.Reconstructor;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.nas.search.ScoredCandidate;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Reranking after reconstruction: the top candidates of the ranking are each cut and reconstructed,
 * and the one whose reconstructed model follows the dense model best is exported. "Best" is the mean
 * cosine between the two models' sentence embeddings of validation sequences generated like the
 * calibration ones but from another seed, so the choice uses no text and never sees the sequences a
 * reconstruction was fitted on.
 */
final class ReconstructedRerank {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Validation sequences generated for the choice. */
    static final int VALIDATION_SEQUENCES = 128;

    /**
     * The choice.
     *
     * @param rank the chosen candidate's rank in the ranking
     * @param reconstruction its reconstruction, done once here and reused by the export
     * @param trials per candidate tried: rank, validation fidelity of its reconstruction
     */
    record Pick(int rank, Reconstructor.Reconstruction reconstruction, ArrayNode trials) {
        /** The reconstructed tensors on the cut that the export makes of the same candidate. */
        BertCheckpoint onto(BertCheckpoint cut) {
            BertCheckpoint r = reconstruction.checkpoint();
            return new BertCheckpoint(cut.directory(), cut.config(), r.tensors(), cut.prefix());
        }
    }

    private ReconstructedRerank() {
    }

    /** Tries the candidates ranked {@code first} to {@code first + count - 1} (as far as the ranking goes). */
    static Pick pick(ReconstructionStep step, ModelRuntime runtime, LoadedModel model, List<ScoredCandidate> ranked,
            int first, int count) {
        int[][] validation = step.validationSequences(model, VALIDATION_SEQUENCES);
        float[][] dense = runtime.forward(model).orElseThrow()
                .sentenceEmbeddings(PruningMask.dense(model.view()), validation);
        ArrayNode trials = JSON.createArrayNode();
        Pick best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int rank = first; rank < first + count && rank <= ranked.size(); rank++) {
            BertCheckpoint cut = CheckpointPruner.prune(model.checkpoint(), ranked.get(rank - 1).mask(),
                    Path.of("rank-" + rank));
            Reconstructor.Reconstruction r = step.run(model, cut);
            double score = Cosine.mean(dense, runtime.sentenceEmbeddings(r.checkpoint(), validation));
            ObjectNode trial = trials.addObject();
            trial.put("rank", rank);
            trial.put("validationFidelity", score);
            if (score > bestScore) {
                bestScore = score;
                best = new Pick(rank, r, trials);
            }
        }
        return best;
    }
}
