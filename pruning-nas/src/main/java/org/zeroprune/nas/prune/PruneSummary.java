package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.eval.CorpusLanguageCheck;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.ScoredCandidate;

/**
 * Assembles {@code summary.json} of a prune run from what it ranked and chose. The export step has
 * already put the reconstruction and latency figures into the same node; the keys follow them in a
 * fixed order, so that the same run writes the same file.
 *
 * @param model the model pruned
 * @param costs its costs
 * @param strategy the scoring strategy
 * @param budget the budget
 * @param ranked the ranking, best first
 * @param exportRank the rank of the chosen candidate, from 1
 */
record PruneSummary(LoadedModel model, ViewCostModel costs, PreparedStrategy strategy, Budget budget,
        List<ScoredCandidate> ranked, int exportRank) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The candidate exported (or that would be). */
    ScoredCandidate chosen() {
        return ranked.get(exportRank - 1);
    }

    /** Parameters outside the encoder layers (embeddings, pooler), which no candidate removes. */
    long fixedParams() {
        return model.checkpoint().parameterCount() - costs.denseParams();
    }

    /**
     * Adds the run's figures to {@code summary}.
     *
     * @param unitOrder what unit selection resolved to, as in the ranking's header
     */
    void fill(ObjectNode summary, PruneConfig config, PhaseTimer timer, Optional<Path> exported,
            Optional<Path> exportedOnnx, String unitOrder, Optional<CorpusLanguageCheck> language) {
        ScoredCandidate chosen = chosen();
        summary.put("model", model.description());
        summary.put("tokenizer", model.checkpoint().tokenizerDescription());
        summary.put("strategy", strategy.name());
        summary.put("strategySource", strategy.source());
        summary.put("search", config.search().strategy());
        summary.put("budget", budget.kind().key() + " " + budget.ratio());
        model.sequenceLengthNote(config.budget().sequenceLength()).ifPresent(note -> summary.put("sequenceLengthNote", note));
        summary.put("budgetMet", ranked.stream().allMatch(c -> budget.fits(c.mask())));
        summary.put("candidates", ranked.size());
        summary.put("bestScore", ranked.get(0).score());
        summary.put("exportRank", exportRank);
        summary.put("chosenScore", chosen.score());
        summary.put("chosenMacsRatio", (double) chosen.macs() / costs.denseMacs());
        summary.put("chosenParamsRatio", (double) chosen.params() / costs.denseParams());
        summary.put("chosenTotalParams", chosen.params() + fixedParams());
        summary.put("denseTotalParams", model.checkpoint().parameterCount());
        exported.ifPresent(p -> summary.put("exportedModel", p.toAbsolutePath().toString()));
        putSeconds(summary, timer);
        ObjectNode machine = summary.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.version"));
        EmptyModelWarning.of(chosen.mask(), summary.path("budget").asText()).ifPresent(w -> summary.withArray("warnings").add(w));
        exportedOnnx.ifPresent(p -> summary.put("exportedOnnx", p.toAbsolutePath().toString()));
        summary.put("unitOrder", unitOrder);
        language.flatMap(CorpusLanguageCheck::json).ifPresent(w -> summary.set(CorpusLanguageCheck.JSON_KEY, w));
    }

    /** The seconds per phase so far, replacing those put before. */
    static void putSeconds(ObjectNode summary, PhaseTimer timer) {
        summary.set("seconds", JSON.valueToTree(timer.seconds()));
    }

    /** The summary as {@code summary.json} holds it. */
    static String text(ObjectNode summary) throws java.io.IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n";
    }
}
