package org.zeroprune.nas.config;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.engine.EngineConfig;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.export.Quantization;
import org.zeroprune.nas.plugin.StrategyLimits;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.ScreenSetting;
import org.zeroprune.nas.search.SearchConfig;
import org.zeroprune.nas.search.SearchStrategies;

/**
 * Checks a bound configuration's ranges and combinations; a failure names the source, the key,
 * the value and what was expected. Budget kinds and search strategies are checked against their
 * registries ({@link BudgetKind}, {@link SearchStrategies}), which also list the valid names.
 */
final class ConfigValidation {
    private static final Pattern MASTER = Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]"
            + "|spark://[^\\s/]+:\\d+(,[^\\s/]+:\\d+)*|yarn|k8s://\\S+|mesos://\\S+");

    private ConfigValidation() {
    }

    /** Checks ranges and combinations. */
    static void check(PruneConfig c, String source) {
        require(c.model() != null && !c.model().isBlank(), source, "model", c.model(), "embedded, a checkpoint directory or an .onnx file");
        PruneConfig.BudgetConfig b = c.budget();
        String budgetKinds = String.join(", ", BudgetKind.keys());
        require(b != null, source, "budget", null, "a mapping with one of " + budgetKinds);
        int kinds = b.ratios().size();
        require(kinds == 1, source, "budget", kinds == 0 ? "no kind" : "several kinds", "exactly one of " + budgetKinds);
        b.ratios().forEach((kind, ratio) -> ratio(source, "budget." + kind.key(), ratio));
        require(b.sequenceLength() >= 1 && b.sequenceLength() <= 8192, source, "budget.sequence-length", b.sequenceLength(), "1..8192");
        require(b.latencyBatch() >= 1 && b.latencyBatch() <= 1024, source, "budget.latency-batch", b.latencyBatch(), "1..1024");
        SearchConfig s = c.search();
        require(s != null, source, "search", null, "a mapping");
        require(SearchStrategies.has(s.strategy()), source, "search.strategy", s.strategy(),
                "one of " + String.join(", ", SearchStrategies.names()));
        require(s.candidates() >= 1 && s.candidates() <= 10_000_000, source, "search.candidates", s.candidates(), "1..10000000");
        require(s.seed() >= 0, source, "search.seed", s.seed(), "a non-negative integer");
        require(s.neuronBlock() >= 1, source, "search.neuron-block", s.neuronBlock(), "a positive integer");
        require(s.minHeads() >= 0, source, "search.min-heads", s.minHeads(), "a non-negative integer");
        require(s.minNeurons() >= 0, source, "search.min-neurons", s.minNeurons(), "a non-negative integer");
        require(List.of("auto", "random", "importance").contains(s.unitSelection()), source, "search.unit-selection",
                s.unitSelection(), "auto, random or importance");
        require(s.unitImportance() != null, source, "search.unit-importance", null,
                "the name of a scoring strategy, or empty for the scoring strategy's");
        require(s.unitImportance().isBlank() || !s.unitSelection().equals("random"), source, "search.unit-importance",
                s.unitImportance(), "empty when search.unit-selection is random, which orders no units");
        require(s.population() >= 2, source, "search.population", s.population(), "at least 2");
        require(s.mutationRate() >= 0 && s.mutationRate() <= 1, source, "search.mutation-rate", s.mutationRate(), "0..1");
        require(s.tournament() >= 1 && s.tournament() <= s.population(), source, "search.tournament", s.tournament(),
                "1..population");
        require(s.shortlist() >= 1, source, "search.shortlist", s.shortlist(), "a positive integer");
        require(ScreenSetting.isValid(s.screen()), source, "search.screen", s.screen(),
                "auto, off, or options of the scoring strategy as K=V,K=V (e.g. sequences=16)");
        PruneConfig.ScoringConfig sc = c.scoring();
        require(sc != null && sc.strategy() != null && !sc.strategy().isBlank(), source, "scoring.strategy",
                sc == null ? null : sc.strategy(), "the name of a scoring strategy (see: zeroprune strategies)");
        timeLimit(source, StrategyLimits.PREPARE_KEY, sc.prepareLimitSeconds());
        timeLimit(source, StrategyLimits.SCORE_KEY, sc.scoreLimitSeconds());
        PruneConfig.OutputConfig o = c.output();
        require(o != null && o.dir() != null && !o.dir().isBlank(), source, "output.dir", o == null ? null : o.dir(), "a directory");
        require(o.exportRank() >= 1, source, "output.export-rank", o.exportRank(), "1 or more");
        require(o.latencySeconds() >= 1 && o.latencySeconds() <= 3600, source, "output.latency-seconds",
                o.latencySeconds(), "1..3600 seconds");
        require(List.of("auto", "all").contains(o.latencyEngines()), source, "output.latency-engines", o.latencyEngines(),
                "auto (ONNX Runtime when model.onnx is written, else PyTorch) or all");
        // no search ranks more than it evaluates; refused before the search rather than after it
        require(!o.export() || o.exportRank() <= s.candidates(), source, "output.export-rank", o.exportRank(),
                "at most search.candidates (" + s.candidates() + "), the most candidates a search ranks");
        require(List.of("ranges", "order").contains(o.masks()), source, "output.masks", o.masks(), "ranges or order");
        require(!o.masks().equals("order") || !s.unitSelection().equals("random"), source, "output.masks", o.masks(),
                "ranges when search.unit-selection is random, which keeps no unit order");
        require(o.format() != null && List.of(ExportFormat.NAMES.split(", ")).contains(o.format()), source, "output.format",
                o.format(), ExportFormat.NAMES);
        require(o.quantize() != null && List.of(Quantization.NAMES.split(", ")).contains(o.quantize()), source,
                "output.quantize", o.quantize(), Quantization.NAMES);
        // the int8 file is written beside model.onnx, from the same graph
        require(o.quantize().equals("none") || ExportFormat.named(o.format()).onnx(), source, "output.quantize",
                o.quantize(), "none when output.format is " + o.format() + " (model_qint8.onnx is written beside"
                        + " model.onnx: set output.format to both or onnx)");
        require(!o.reduceRange() || !o.quantize().equals("none"), source, "output.reduce-range", o.reduceRange(),
                "false unless output.quantize is int8 (it sets the bits of int8 weights)");
        require(c.threads() >= 0 && c.threads() <= 1024, source, "threads", c.threads(), "0 (every core) .. 1024");
        PruneConfig.ReconstructConfig r = c.reconstruct();
        require(r != null, source, "reconstruct", null, "a mapping");
        require(Arrays.stream(ReconstructionLevel.values()).anyMatch(l -> l.word().equals(r.level())), source,
                "reconstruct.level", r.level(), ReconstructionLevel.WORDS);
        require(List.of("auto", "generated", "corpus").contains(r.calibration()), source, "reconstruct.calibration",
                r.calibration(), "auto, generated or corpus");
        require(!r.calibration().equals("corpus") || !sc.corpus().isBlank(), source, "reconstruct.calibration",
                r.calibration(), "generated or auto unless scoring.corpus names a corpus (--corpus builtin|FILE)");
        require(r.sequences() >= 8 && r.sequences() <= 100_000, source, "reconstruct.sequences", r.sequences(), "8..100000");
        require(r.steps() >= 1 && r.steps() <= 100_000, source, "reconstruct.steps", r.steps(), "1..100000");
        require(r.rerank() >= 1 && r.rerank() <= 100, source, "reconstruct.rerank", r.rerank(), "1..100");
        PruneConfig.DistillConfig d = r.distill();
        require(d != null, source, "reconstruct.distill", null, "a mapping");
        require(d.steps() >= 1 && d.steps() <= 100_000, source, "reconstruct.distill.steps", d.steps(), "1..100000");
        require(d.learningRate() > 0 && d.learningRate() <= 1, source, "reconstruct.distill.learning-rate",
                d.learningRate(), "a step size in (0, 1]");
        require(d.seconds() >= 1 && d.seconds() <= 86_400, source, "reconstruct.distill.seconds", d.seconds(),
                "1..86400 seconds");
        weight(source, "reconstruct.distill.relational", d.relational());
        weight(source, "reconstruct.distill.pooled", d.pooled());
        weight(source, "reconstruct.distill.tokens", d.tokens());
        weight(source, "reconstruct.distill.layers", d.layers());
        require(List.of("cut", "refit").contains(d.init()), source, "reconstruct.distill.init", d.init(), "cut or refit");
        require(d.relational() + d.pooled() + d.tokens() + d.layers() > 0, source, "reconstruct.distill", "all weights 0",
                "at least one of relational, pooled, tokens and layers above 0");
        engine(c.engine(), source);
    }

    // whether the named engine is on the class path is checked when the run opens it, with how to add it
    private static void engine(EngineConfig e, String source) {
        require(e != null, source, "engine", null, "a mapping");
        require(e.name() != null && e.name().matches("[a-z][a-z0-9-]*"), source, "engine.name", e.name(),
                "local or spark");
        require(e.master() != null && (e.master().isEmpty() || MASTER.matcher(e.master()).matches()), source,
                "engine.master", e.master(), "empty (spark-submit's --master, else local[*]) or a Spark master URL: local, local[N], local[*], local[N,RETRIES], local-cluster[WORKERS,CORES,MB],"
                        + " spark://HOST:PORT, yarn or k8s://HOST:PORT");
        require(e.appName() != null && !e.appName().isBlank(), source, "engine.app-name", e.appName(), "a name");
        require(List.of("auto", "shared", "ship").contains(e.files()), source, "engine.files", e.files(),
                "auto, shared or ship");
    }

    private static void timeLimit(String source, String key, double seconds) {
        require(seconds >= 0 && seconds <= 31_536_000, source, key, seconds, "seconds in 0..31536000 (0 = no limit)");
    }

    private static void weight(String source, String key, double value) {
        require(value >= 0 && value <= 1000, source, key, value, "a weight in 0..1000");
    }

    private static void ratio(String source, String key, Double value) {
        if (value != null) {
            require(value > 0 && value <= 1, source, key, value, "a ratio in (0, 1] of the dense model");
        }
    }

    private static void require(boolean ok, String source, String key, Object value, String expected) {
        if (!ok) {
            throw new ConfigException(source + ": key '" + key + "' is " + (value == null ? "missing" : "'" + value + "'")
                    + "; expected " + expected);
        }
    }
}
