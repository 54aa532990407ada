package org.zeroprune.nas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.eval.CorpusLanguageCheck;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.search.ScoredCandidate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zeroprune prune}: search, rank and export. */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search head and neuron masks of a BERT model under a budget, rank them with a scoring strategy,"
                + " and write out/ranking.json, out/ranking.csv, out/summary.json and the chosen candidate as a pruned"
                + " checkpoint in out/model.",
                "With no option (the defaults of defaults.yaml): the ${bundle:defaults.model} all-MiniLM-L6-v2 at"
                        + " ${bundle:defaults.budget.flops} of its FLOPs; ${bundle:defaults.search.strategy} search over"
                        + " ${bundle:defaults.search.candidates} candidates scored by ${bundle:defaults.scoring.strategy}"
                        + " (data-free, one forward pass each); seed ${bundle:defaults.search.seed}; output in"
                        + " ./${bundle:defaults.output.dir}."},
        footer = {"", "Settings come from the defaults, then --config FILE, then the options below; --set KEY=VALUE sets"
                + " any key of the configuration file (e.g. --set search.neuron-block=32)."})
final class PruneCommand implements Callable<Integer> {
    @Mixin
    ConfigOptions config;

    @Option(names = "--strategy", paramLabel = "NAME", description = "Scoring strategy (see: zeroprune strategies;"
            + " default: ${bundle:defaults.scoring.strategy}).")
    String strategy;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "An option of the scoring strategy (repeatable).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--latency", paramLabel = "RATIO", description = "Budget: kept fraction of the measured latency,"
            + " instead of --flops.")
    Double latency;

    @Option(names = "--search", paramLabel = "NAME", completionCandidates = SearchNames.class,
            description = "Search strategy: ${COMPLETION-CANDIDATES} (default: ${bundle:defaults.search.strategy}).")
    String search;

    @Option(names = "--candidates", paramLabel = "N", description = "Candidates the search evaluates (default:"
            + " ${bundle:defaults.search.candidates}).")
    Integer candidates;

    @Mixin
    SeedOption seed;

    @Mixin
    CorpusOption corpus;

    @Option(names = "--unit-importance", paramLabel = "NAME", description = "Strategy whose per-unit importance picks"
            + " the heads and neurons a layer keeps (default: the scoring strategy's); e.g. fisher, with --corpus.")
    String unitImportance;

    @Mixin
    ExportOptions export;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default:"
            + " ${bundle:defaults.output.dir}).")
    String out;

    @Mixin
    OverwriteOption overwrite;

    @Option(names = "--export-rank", paramLabel = "K", description = "Export the K-th best candidate (default:"
            + " ${bundle:defaults.output.export-rank}).")
    Integer exportRank;

    @Option(names = "--no-export", description = "Write the ranking only.")
    boolean noExport;

    @Option(names = "--masks", paramLabel = "ranges|order", description = "How the ranking writes each candidate's"
            + " masks: ranges of kept indices, or order: kept counts, with the unit order written once (much smaller;"
            + " needs units kept by importance) (default: ${bundle:defaults.output.masks}).")
    String masks;

    @Mixin
    PluginsOption plugins;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads, 0 = every core (default:"
            + " ${bundle:defaults.threads}).")
    Integer threads;

    @Mixin
    QuietOption quiet;

    @Override
    public Integer call() {
        if (noExport && (exportRank != null || export.format != null)) {
            // both choose what the export writes; with no export they would be ignored without a word
            throw new ConfigException((exportRank != null ? "--export-rank" : "--format") + " chooses what is exported,"
                    + " but --no-export exports nothing: give one of them");
        }
        if (config.severalBudgets(latency)) {
            throw new ConfigException("give one budget: --flops, --params or --latency");
        }
        Overrides overrides = config.overrides().put("scoring.strategy", strategy, "--strategy");
        options.forEach((k, v) -> overrides.put("scoring.options." + k, v, "--option " + k + "="));
        seed.addTo(corpus.addTo(export.addTo(overrides)));
        overrides.put("budget.latency", latency, "--latency").put("search.strategy", search, "--search")
                .put("search.candidates", candidates, "--candidates")
                .put("search.unit-importance", unitImportance, "--unit-importance")
                .put("output.dir", out, "--out").put("output.overwrite", overwrite.ifGiven(), "--overwrite")
                .put("output.export-rank", exportRank, "--export-rank").put("output.masks", masks, "--masks")
                .put("output.export", noExport ? false : null, "--no-export").put("threads", threads, "--threads");
        PruneConfig loaded = config.load(overrides);
        if (!plugins.given().isEmpty()) {
            loaded = new PruneConfig(loaded.model(), loaded.budget(), loaded.search(), loaded.scoring(), loaded.output(),
                    plugins.after(loaded.plugins()), loaded.threads(), loaded.reconstruct());
        }
        PruneResult result = ZeroPrune.prune(loaded, quiet.progress());
        printSummary(loaded, result);
        return 0;
    }

    private static void printSummary(PruneConfig config, PruneResult result) {
        ObjectNode s = result.summary();
        s.path("warnings").forEach(w -> System.err.println("warning: " + w.asText()));
        ScoredCandidate chosen = result.chosen();
        System.out.println();
        System.out.println("zeroprune prune: " + s.get("model").asText());
        System.out.printf(Locale.ROOT, "  budget     %s of the dense model — %s by all %d ranked candidates%n",
                s.get("budget").asText(), s.get("budgetMet").asBoolean() ? "met" : "NOT met", s.get("candidates").asInt());
        String units = s.get("unitOrder").asText();
        System.out.printf(Locale.ROOT, "  strategy   %s (%s); search %s, seed %d; units %s%n", s.get("strategy").asText(),
                s.get("strategySource").asText(), s.get("search").asText(), config.search().seed(),
                units.equals("random") ? "at random" : "by " + units);
        System.out.printf(Locale.ROOT, "  best       score %.6g%n", result.best().score());
        System.out.printf(Locale.ROOT, "  chosen     rank %d: MACs %.3f, encoder params %.3f of dense; %,d of %,d parameters in all%n",
                s.get("exportRank").asInt(), s.get("chosenMacsRatio").asDouble(), s.get("chosenParamsRatio").asDouble(),
                s.get("chosenTotalParams").asLong(), s.get("denseTotalParams").asLong());
        System.out.printf(Locale.ROOT, "             heads per layer %s, neurons per layer %s%n",
                counts(chosen, true), counts(chosen, false));
        JsonNode latency = s.get("latency");
        if (latency != null) {
            System.out.printf(Locale.ROOT, "  latency    dense %.1f ms, pruned %.1f ms per batch (%.2fx) — %s%n",
                    latency.get("denseMs").asDouble(), latency.get("prunedMs").asDouble(), latency.get("speedup").asDouble(),
                    latency.get("setting").asText());
        }
        printReconstruction(s.path("reconstruction"));
        if (s.has("sequenceLengthNote")) {
            System.out.println("  note       " + s.get("sequenceLengthNote").asText());
        }
        JsonNode onnx = s.get("onnxLatency");
        if (onnx != null) {
            System.out.printf(Locale.ROOT, "  onnx       dense %.1f ms, pruned %.1f ms per batch (%.2fx) — %s%n",
                    onnx.get("denseMs").asDouble(), onnx.get("prunedMs").asDouble(), onnx.get("speedup").asDouble(),
                    onnx.get("setting").asText());
        }
        JsonNode fidelity = s.get("fidelity");
        if (fidelity != null) {
            String measured = result.exportedModel().isPresent() ? String.format(Locale.ROOT, "%.4f exported, %.4f plain cut",
                    fidelity.get("fidelity").asDouble(), fidelity.get("cutFidelity").asDouble())
                    : String.format(Locale.ROOT, "%.4f chosen candidate (cut, not exported)",
                    fidelity.get("cutFidelity").asDouble());
            System.out.printf(Locale.ROOT, "  fidelity   %s (mean cosine to the dense model over %d sentences of %s)%n",
                    measured, fidelity.get("sentences").asInt(), fidelity.get("corpus").asText());
        }
        JsonNode sts = s.get("sts");
        if (sts != null) {
            if (result.exportedModel().isPresent()) {
                System.out.printf(Locale.ROOT, "  STS        dense %.2f, exported %.2f, plain cut %.2f (Spearman x100 over %d"
                        + " pairs of %s)%n", sts.get("dense").asDouble(), sts.get("pruned").asDouble(),
                        sts.get("cut").asDouble(), sts.get("pairs").asInt(), sts.get("file").asText());
            } else {
                // nothing was exported: the only pruned model scored is the chosen candidate's plain cut
                System.out.printf(Locale.ROOT, "  STS        dense %.2f, chosen candidate (cut, not exported) %.2f (Spearman"
                        + " x100 over %d pairs of %s)%n", sts.get("dense").asDouble(), sts.get("cut").asDouble(),
                        sts.get("pairs").asInt(), sts.get("file").asText());
            }
        }
        StringBuilder times = new StringBuilder();
        result.summary().get("seconds").fields().forEachRemaining(e -> times.append(times.length() == 0 ? "" : ", ")
                .append(e.getKey()).append(String.format(Locale.ROOT, " %.2f s", e.getValue().asDouble())));
        System.out.println("  time       " + times);
        Path dir = result.outputDirectory();
        System.out.println("  written    " + dir.resolve("ranking.json") + ", " + dir.resolve("ranking.csv") + ", "
                + dir.resolve("summary.json") + result.exportedModel().map(p -> ", " + p + "/").orElse("")
                + result.onnxModel().map(p -> " (with " + p.getFileName() + ")").orElse(""));
        JsonNode language = s.path(CorpusLanguageCheck.JSON_KEY);
        if (!language.isMissingNode()) {
            System.err.println("warning: " + language.path("message").asText());
        }
    }

    static void printReconstruction(JsonNode r) {
        if (r.isMissingNode()) {
            return;
        }
        if (r.has("skipped")) {
            System.out.println("  rebuilt    skipped: " + r.get("skipped").asText());
        } else if (r.path("level").asText().equals("none")) {
            System.out.println("  rebuilt    no (--reconstruct none): the exported weights are the plain cut");
        } else {
            System.out.printf(Locale.ROOT, "  rebuilt    %s on %d sequences (%s): calibration objective %.4g -> %.4g%s, %.1f s%n",
                    r.get("level").asText(), r.at("/calibration/sequences").asInt(), r.at("/calibration/source").asText(),
                    r.get("objectiveBefore").asDouble(), r.get("objectiveAfter").asDouble(),
                    r.path("changed").asBoolean() ? "" : " (no gain: kept the plain cut)", r.get("seconds").asDouble());
        }
    }

    private static String counts(ScoredCandidate c, boolean heads) {
        StringBuilder sb = new StringBuilder("[");
        for (int l = 0; l < c.mask().layerCount(); l++) {
            sb.append(l == 0 ? "" : " ").append(heads ? c.mask().heads(l).count() : c.mask().neurons(l).count());
        }
        return sb.append(']').toString();
    }
}
