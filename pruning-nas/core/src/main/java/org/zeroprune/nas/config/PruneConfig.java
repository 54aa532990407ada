package org.zeroprune.nas.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.engine.EngineConfig;
import org.zeroprune.nas.plugin.StrategyLimits;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.nas.search.SearchConfig;

/**
 * Everything a {@code prune} run needs, as read from a YAML or JSON file with command-line
 * overrides. Keys are written in kebab-case ({@code sequence-length}); see
 * {@code config/defaults.yaml} for every key with its default.
 *
 * @param model {@code embedded} for the embedded all-MiniLM-L6-v2, a checkpoint directory, or an
 *     {@code .onnx} file
 * @param budget the cost limit relative to the dense model
 * @param search how candidates are enumerated
 * @param scoring which plugin strategy ranks them, with its options
 * @param output where results go
 * @param plugins directories searched for plugin jars, besides the class path
 * @param threads threads used to score candidates
 * @param reconstruct how the chosen candidate is reconstructed before it is exported
 * @param engine where candidates are scored: this JVM's threads ({@code local}) or a cluster ({@code spark})
 */
public record PruneConfig(
        String model, BudgetConfig budget, SearchConfig search, ScoringConfig scoring, OutputConfig output,
        List<String> plugins, int threads, ReconstructConfig reconstruct, EngineConfig engine) {

    /** Copies the lists. */
    public PruneConfig {
        plugins = List.copyOf(plugins);
    }

    /**
     * Exactly one budget kind is set (a key under {@code budget} per {@link BudgetKind}: {@code flops},
     * {@code params}, {@code latency}): the kept fraction of the dense model's MACs per token,
     * parameters of the encoder layers, or measured forward latency.
     *
     * @param ratios each kind that is set, with its ratio in (0, 1]
     * @param sequenceLength tokens per sequence for MACs (attention scores grow with it) and latency
     * @param latencyBatch sequences per batch when latency is measured
     */
    @JsonDeserialize(using = BudgetConfigReader.class)
    public record BudgetConfig(Map<BudgetKind, Double> ratios, int sequenceLength, int latencyBatch) {
        /** Copies the map, in the kinds' order. */
        public BudgetConfig {
            EnumMap<BudgetKind, Double> copy = new EnumMap<>(BudgetKind.class);
            copy.putAll(ratios);
            ratios = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * @param strategy name of a registered scoring strategy
     * @param options the strategy's options, as text
     * @param corpus calibration text for data-driven strategies: {@code builtin}, a file, or empty for none
     * @param prepareLimitSeconds how long a strategy may take to prepare on the model, in seconds; 0 for no limit
     * @param scoreLimitSeconds how long a strategy may take to score one candidate, in seconds; 0 for no limit
     */
    public record ScoringConfig(String strategy, Map<String, String> options, String corpus, double prepareLimitSeconds,
            double scoreLimitSeconds) {
        /** Copies the map. */
        public ScoringConfig {
            options = Map.copyOf(options);
        }

        /** {@return the time limits every strategy of the run is given} */
        public StrategyLimits limits() {
            return new StrategyLimits(prepareLimitSeconds, scoreLimitSeconds);
        }
    }

    /**
     * @param dir the output directory
     * @param overwrite whether an existing output directory may be replaced
     * @param export whether to write the chosen candidate as a pruned checkpoint
     * @param exportRank which candidate to export, 1 being the best
     * @param measureLatency whether to time the exported model's forward pass against the dense one
     * @param latencySeconds the wall-clock seconds that timing may take, both engines together: timing stops
     *     earlier once the speed-up is precise, and no timed run starts that would end after the bound
     * @param latencyEngines which engines time it: {@code auto} (ONNX Runtime when {@code model.onnx} is
     *     written, else PyTorch) or {@code all} (PyTorch too)
     * @param measureFidelity whether to report the chosen candidate's fidelity to the dense model on the
     *     corpus's evaluation part (for reporting only; the choice never sees it)
     * @param masks how {@code ranking.json} and {@code ranking.csv} write each candidate's masks:
     *     {@code ranges} (kept unit indices as ranges) or {@code order} (kept counts only, with the
     *     search's unit order written once; needs units chosen by importance)
     * @param format which model files the export writes: {@code both} ({@code model.safetensors} and
     *     {@code model.onnx}), {@code safetensors} or {@code onnx}
     * @param sts an STS benchmark file (tab-separated) on which the dense, cut and exported models are
     *     scored for the summary, or empty
     * @param quantize {@code int8} to write {@code model_qint8.onnx} beside {@code model.onnx} (ONNX Runtime's
     *     dynamic int8 form), {@code none} for the float model alone
     * @param reduceRange whether the int8 weights use 7 bits, for CPUs without VNNI
     */
    public record OutputConfig(String dir, boolean overwrite, boolean export, int exportRank, boolean measureLatency,
            double latencySeconds, String latencyEngines, boolean measureFidelity, String masks, String format, String sts,
            String quantize, boolean reduceRange) {
    }

    /**
     * @param level {@code none} (the plain cut, byte for byte as without reconstruction), {@code scales}
     *     (layer-wise per-unit factors), {@code refit} (layer-wise refit of the kept columns of the output
     *     projections and their biases) or {@code tune} (end-to-end tuning of per-unit factors, output biases
     *     and LayerNorms) or {@code distill} (every kept weight, end to end)
     * @param calibration {@code auto} (the scoring corpus's calibration part when {@code scoring.corpus} is
     *     set, else generated tokens), {@code generated} or {@code corpus}
     * @param sequences generated calibration sequences
     * @param steps optimisation steps of {@code tune}
     * @param rerank how many of the best-ranked candidates are reconstructed, the one that follows the dense
     *     model best afterwards being exported (1: only the export rank's)
     * @param distill settings of {@code distill}
     */
    public record ReconstructConfig(String level, String calibration, int sequences, int steps, int rerank,
            DistillConfig distill) {
    }

    /**
     * @param steps most optimisation steps (fewer when held-out loss stops falling)
     * @param learningRate Adam's step size for the kept weights
     * @param seconds time cap of the training loop
     * @param relational weight of the pairwise cosine-similarity term of the objective
     * @param pooled weight of the pooled cosine distance
     * @param tokens weight of the last hidden states' relative squared error
     * @param layers weight of every layer's hidden states' relative squared error
     * @param init {@code cut} (start from the plain cut) or {@code refit} (from the layer-wise least-squares refit of
     *     the output projections)
     */
    public record DistillConfig(int steps, double learningRate, double seconds, double relational, double pooled, double tokens,
            double layers, String init) {
    }

    /**
     * {@return this configuration with {@code more} plugin directories after its own}
     *
     * @param more further plugin directories, as given (relative ones against the working directory)
     */
    public PruneConfig withPlugins(List<String> more) {
        List<String> all = new ArrayList<>(plugins);
        all.addAll(more);
        return new PruneConfig(model, budget, search, scoring, output, all, threads, reconstruct, engine);
    }

    /** Which budget kind is set (validation leaves exactly one). */
    public BudgetKind budgetKind() {
        return budget.ratios().keySet().iterator().next();
    }

    /** The ratio of the budget kind that is set. */
    public double budgetRatio() {
        return budget.ratios().get(budgetKind());
    }
}
