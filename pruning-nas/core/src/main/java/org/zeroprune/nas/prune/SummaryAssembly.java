package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.quality.CorpusLanguageCheck;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.ScoredCandidate;

/**
 * Assembles the {@link PruneSummary} of a prune run from what it ranked and chose.
 *
 * @param model the model pruned
 * @param costs its costs
 * @param strategy the scoring strategy
 * @param budget the budget
 * @param ranked the ranking, best first
 * @param exportRank the rank of the chosen candidate, from 1
 * @param pluginProblems plugins left out or names several plugins provide, said as warnings
 */
record SummaryAssembly(LoadedModel model, ViewCostModel costs, PreparedStrategy strategy, Budget budget,
        List<ScoredCandidate> ranked, int exportRank, List<String> pluginProblems) {

    /** The candidate exported (or that would be). */
    ScoredCandidate chosen() {
        return ranked.get(exportRank - 1);
    }

    /** Parameters outside the encoder layers (embeddings, pooler), which no candidate removes. */
    long fixedParams() {
        return model.checkpoint().parameterCount() - costs.denseParams();
    }

    /**
     * The summary, with the seconds so far and no quality yet.
     *
     * @param export what the export step measured
     * @param unitOrder what unit selection resolved to, as in the ranking's header
     * @param rerankWarning how the rerank differs from what {@code reconstruct.rerank} asked, if it does
     */
    PruneSummary summary(PruneConfig config, PhaseTimer timer, PruneSummary.Export export, Optional<Path> exported,
            Optional<Path> exportedOnnx, String unitOrder, Optional<CorpusLanguageCheck> language,
            Optional<String> rerankWarning) {
        ScoredCandidate chosen = chosen();
        String budgetText = budget.kind().key() + " " + budget.ratio();
        List<String> warnings = new ArrayList<>(pluginProblems);
        EmptyModelWarning.of(chosen.mask(), budgetText).ifPresent(warnings::add);
        GeneratedDistillWarning.of(export.reconstruction()).ifPresent(warnings::add);
        AssumedPoolingWarning.of(model.checkpoint().directory(), exportedOnnx).ifPresent(warnings::add);
        rerankWarning.ifPresent(warnings::add);
        return new PruneSummary(export, model.description(), model.checkpoint().tokenizerDescription(), strategy.name(),
                strategy.source(), config.search().strategy(), budgetText,
                model.sequenceLengthNote(config.budget().sequenceLength()),
                ranked.stream().allMatch(c -> budget.fits(c.mask())), ranked.size(), ranked.get(0).score(), exportRank,
                chosen.score(), (double) chosen.macs() / costs.denseMacs(), (double) chosen.params() / costs.denseParams(),
                chosen.params() + fixedParams(), model.checkpoint().parameterCount(),
                exported.map(Path::toAbsolutePath), timer.seconds(), PruneSummary.Machine.current(), warnings,
                exportedOnnx.map(Path::toAbsolutePath), unitOrder,
                language.flatMap(CorpusLanguageCheck::json).map(w -> (JsonNode) w), Optional.empty(), Optional.empty());
    }
}
