package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.plugin.PreparedStrategy;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.nas.search.Budget;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.SearchSpace;
import org.zeroprune.spi.StrategyOptions;

/** The head of {@code ranking.json}: model, scoring, search, dense model and budget of a prune run. */
final class RankingHeader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RankingHeader() {
    }

    /**
     * @param scorers the prepared scoring (and screening) strategies, and whose importance picked the
     *     kept units (empty for random picks)
     * @param ranked how many candidates the ranking holds
     */
    static ObjectNode of(PruneConfig config, LoadedModel model, RegisteredStrategy registered, PruneScorers scorers,
            ViewCostModel costs, Budget budget, SearchSpace space, int ranked) {
        PreparedStrategy scorer = scorers.scoring();
        Optional<String> unitOrderSource = scorers.unitOrderSource();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("model", model.description());
        // what `export` loads to apply a ranked candidate's masks later, from any working directory
        doc.put("modelSource", ModelSource.portableSpec(config.model()));
        // and what it held then, so that `export` refuses other weights put at the same path since
        doc.put("modelHash", model.contentHash());
        ObjectNode scoring = doc.putObject("scoring");
        scoring.put("strategy", registered.name());
        scoring.set("options", JSON.valueToTree(StrategyOptions.parse(registered.name(),
                registered.provider().options(), config.scoring().options()).asMap()));
        scoring.set("details", JSON.valueToTree(scorer.details()));
        ObjectNode search = doc.putObject("search");
        search.put("strategy", config.search().strategy());
        search.put("seed", config.search().seed());
        search.put("requested", config.search().candidates());
        search.put("ranked", ranked);
        search.put("neuronBlock", config.search().neuronBlock());
        search.put("unitSelection", config.search().unitSelection());
        // what unit-selection resolved to: the strategy whose importance picked the kept units, or random
        search.put("unitOrder", unitOrderSource.map(name -> "importance of " + name).orElse("random"));
        search.put("minHeads", config.search().minHeads());
        search.put("minNeurons", config.search().minNeurons());
        if (scorers.screening().isPresent()) {
            search.put("screening", scorers.screening().get().name());
            search.put("shortlist", config.search().shortlist());
        }
        ObjectNode dense = doc.putObject("dense");
        dense.put("macs", costs.denseMacs());
        dense.put("params", costs.denseParams());
        dense.put("totalParams", model.checkpoint().parameterCount());
        dense.put("sequenceLength", costs.sequenceLength());
        model.sequenceLengthNote(config.budget().sequenceLength()).ifPresent(note -> dense.put("sequenceLengthNote", note));
        ArrayNode heads = dense.putArray("heads");
        ArrayNode neurons = dense.putArray("neurons");
        for (int l = 0; l < space.layers(); l++) {
            heads.add(space.heads(l));
            neurons.add(space.neurons(l));
        }
        ObjectNode b = doc.putObject("budget");
        b.put("kind", budget.kind().key());
        b.put("ratio", budget.ratio());
        b.put("unit", budget.costs().unit());
        if (budget.kind() != BudgetKind.LATENCY) {
            b.put("dense", budget.dense());
            b.put("limit", budget.limit());
        }
        return doc;
    }
}
