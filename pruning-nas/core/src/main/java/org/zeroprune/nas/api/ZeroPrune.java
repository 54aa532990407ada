package org.zeroprune.nas.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.config.ConfigLoader;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.prune.PruneRunner;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.nas.search.BudgetKind;
import org.zeroprune.spi.context.ProgressListener;

/**
 * The in-process API: the same pipeline as {@code zeroprune prune}, for a compression pipeline
 * that embeds zeroprune instead of shelling out to it.
 *
 * <pre>{@code
 * PruneResult result = ZeroPrune.prune(ZeroPrune.config()
 *         .model(Path.of("path/to/bert"))   // or .model("embedded"), or an .onnx file
 *         .flops(0.5)
 *         .candidates(200)
 *         .reconstruct(ReconstructionLevel.NONE)
 *         .format(ExportFormat.BOTH)
 *         .output(Path.of("pruned"))
 *         .overwrite(true)
 *         .build());
 * System.out.println(result.best().score() + " -> " + result.exportedModel().orElseThrow());
 * Path onnx = result.onnxModel().orElseThrow();   // pruned/model/model.onnx, for ONNX Runtime or DJL
 * }</pre>
 *
 * <p>Failures are {@code org.zeroprune.nas.ZeroPruneException}s whose messages name the builder's
 * settings as the {@code Java API} and its methods (e.g. {@code call overwrite(true)}), not the command
 * line's options.
 */
public final class ZeroPrune {
    private ZeroPrune() {
    }

    /** {@return a configuration builder starting from the defaults (or from a file, see {@link ConfigBuilder#file})} */
    public static ConfigBuilder config() {
        return new ConfigBuilder();
    }

    /**
     * Runs a pruning job without progress output.
     *
     * @param config the configuration, from {@link ConfigBuilder#build()}
     * @return the ranking, the chosen candidate and the paths written
     */
    public static PruneResult prune(PruneConfig config) {
        return prune(config, ProgressListener.NONE);
    }

    /**
     * Runs a pruning job, reporting progress to {@code progress}.
     *
     * @param config the configuration, from {@link ConfigBuilder#build()}
     * @param progress where long steps report progress
     * @return the ranking, the chosen candidate and the paths written
     */
    public static PruneResult prune(PruneConfig config, ProgressListener progress) {
        return PruneRunner.run(config, progress, Caller.JAVA_API);
    }

    /**
     * The scoring strategies on the class path and in the given plugin directories.
     *
     * @param pluginDirectories folders of plugin jars
     * @return the registry, with the strategies found and any plugins that failed to load
     */
    public static PluginRegistry strategies(List<Path> pluginDirectories) {
        return PluginRegistry.discover(pluginDirectories);
    }

    /**
     * Builds a {@code PruneConfig} from the defaults, an optional file and settings, validated on {@link #build()}.
     * Each method sets one configuration key (named in its comment; see {@code docs/configuration.md}); a later
     * call replaces an earlier one, and the settings replace the file's.
     */
    public static final class ConfigBuilder {
        private Optional<Path> file = Optional.empty();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<String> plugins = new ArrayList<>();

        private ConfigBuilder() {
        }

        /**
         * Starts from a YAML or JSON file instead of the bare defaults; its relative plugin folders are
         * resolved against the file's folder.
         *
         * @param configFile the configuration file
         * @return this builder
         */
        public ConfigBuilder file(Path configFile) {
            this.file = Optional.of(configFile);
            return this;
        }

        /**
         * Sets any key by its configuration name, e.g. {@code set("search.neuron-block", "32")}.
         *
         * @param key the key's path, as in the configuration file
         * @param value the value as text, read as in a configuration file
         * @return this builder
         */
        public ConfigBuilder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /**
         * The model ({@code model}).
         *
         * @param model {@code embedded}, a checkpoint directory, an {@code .onnx} file or {@code djl://...}
         * @return this builder
         */
        public ConfigBuilder model(String model) {
            return set("model", model);
        }

        /**
         * The model ({@code model}): a checkpoint directory or an {@code .onnx} file.
         *
         * @param model the directory or file
         * @return this builder
         */
        public ConfigBuilder model(Path model) {
            return model(model.toString());
        }

        /**
         * The budget ({@code budget.<kind>}), replacing any other kind set before or in the file.
         *
         * @param kind what is counted: FLOPs, parameters or measured latency
         * @param ratio the kept fraction of the dense model's, in (0, 1]
         * @return this builder
         */
        public ConfigBuilder budget(BudgetKind kind, double ratio) {
            BudgetKind.keys().forEach(k -> settings.remove("budget." + k));
            return set("budget." + kind.key(), Double.toString(ratio));
        }

        /**
         * A FLOPs budget ({@code budget.flops}): the kept fraction of the dense model's MACs per token.
         *
         * @param ratio in (0, 1]
         * @return this builder
         */
        public ConfigBuilder flops(double ratio) {
            return budget(BudgetKind.FLOPS, ratio);
        }

        /**
         * A parameter budget ({@code budget.params}): the kept fraction of the encoder layers' parameters.
         *
         * @param ratio in (0, 1]
         * @return this builder
         */
        public ConfigBuilder params(double ratio) {
            return budget(BudgetKind.PARAMS, ratio);
        }

        /**
         * A latency budget ({@code budget.latency}): the kept fraction of the dense model's measured forward time.
         *
         * @param ratio in (0, 1]
         * @return this builder
         */
        public ConfigBuilder latency(double ratio) {
            return budget(BudgetKind.LATENCY, ratio);
        }

        /**
         * The scoring strategy by name ({@code scoring.strategy}), as {@code zeroprune strategies} lists it.
         *
         * @param name a registered strategy, e.g. {@code synthetic-fidelity}
         * @return this builder
         */
        public ConfigBuilder strategy(String name) {
            return set("scoring.strategy", name);
        }

        /**
         * One option of the scoring strategy ({@code scoring.options.<key>}).
         *
         * @param key the option's key
         * @param value its value as text, checked against the strategy's declared type
         * @return this builder
         */
        public ConfigBuilder option(String key, String value) {
            return set("scoring.options." + key, value);
        }

        /**
         * The search strategy ({@code search.strategy}).
         *
         * @param name {@code evolutionary}, {@code random}, {@code greedy}, {@code uniform}, {@code exhaustive} or
         *     {@code hybrid}
         * @return this builder
         */
        public ConfigBuilder search(String name) {
            return set("search.strategy", name);
        }

        /**
         * How many candidates the search evaluates ({@code search.candidates}).
         *
         * @param count 1 or more
         * @return this builder
         */
        public ConfigBuilder candidates(int count) {
            return set("search.candidates", Integer.toString(count));
        }

        /**
         * The search seed ({@code search.seed}).
         *
         * @param seed a non-negative integer
         * @return this builder
         */
        public ConfigBuilder seed(long seed) {
            return set("search.seed", Long.toString(seed));
        }

        /**
         * Plugin directories ({@code plugins}), after the file's and any given before; {@code ./plugins} and
         * {@code $ZEROPRUNE_PLUGINS} are searched too.
         *
         * @param directories folders of plugin jars, relative ones against the working directory
         * @return this builder
         */
        public ConfigBuilder plugins(Path... directories) {
            return pluginDirectories(List.of(directories));
        }

        /**
         * Plugin directories ({@code plugins}), as {@link #plugins(Path...)}.
         *
         * @param directories folders of plugin jars
         * @return this builder
         */
        public ConfigBuilder pluginDirectories(List<Path> directories) {
            directories.forEach(d -> plugins.add(d.toString()));
            return this;
        }

        /**
         * Calibration text ({@code scoring.corpus}): the reconstruction and data-driven strategies calibrate on its
         * calibration part.
         *
         * @param sentences a text file of the caller's, one sentence per line
         * @return this builder
         */
        public ConfigBuilder corpus(Path sentences) {
            return corpus(sentences.toString());
        }

        /**
         * Calibration text ({@code scoring.corpus}) in its configuration form.
         *
         * @param corpus {@code builtin} (the sentences zeroprune ships) or a file, one sentence per line
         * @return this builder
         */
        public ConfigBuilder corpus(String corpus) {
            return set("scoring.corpus", corpus);
        }

        /**
         * An STS benchmark file ({@code output.sts}), as {@code prune --sts}: the dense, cut and exported models'
         * Spearman x100 on it go into the summary ({@code PruneResult.report()}).
         *
         * @param stsFile tab-separated: genre, file, year, id, score, sentence 1, sentence 2
         * @return this builder
         */
        public ConfigBuilder sts(Path stsFile) {
            return set("output.sts", stsFile.toString());
        }

        /**
         * The model files of the export ({@code output.format}).
         *
         * @param format {@code ExportFormat#BOTH} (the default), {@code ExportFormat#SAFETENSORS} or
         *     {@code ExportFormat#ONNX}
         * @return this builder
         */
        public ConfigBuilder format(ExportFormat format) {
            return set("output.format", format.key());
        }

        /**
         * The model files of the export by their configuration name.
         *
         * @param format {@code both}, {@code safetensors} or {@code onnx}
         * @return this builder
         * @deprecated use {@link #format(ExportFormat)}
         */
        @Deprecated
        public ConfigBuilder format(String format) {
            return set("output.format", format);
        }

        /**
         * Whether to also write {@code model_qint8.onnx} beside {@code model.onnx}, ONNX Runtime's dynamic int8
         * form ({@code output.quantize} {@code int8} or {@code none}, the default).
         *
         * @param int8 true for the int8 model too
         * @return this builder
         */
        public ConfigBuilder int8(boolean int8) {
            return set("output.quantize", int8 ? "int8" : "none");
        }

        /**
         * Quantization by its configuration name ({@code output.quantize}).
         *
         * @param quantization {@code int8} or {@code none}
         * @return this builder
         * @deprecated use {@link #int8(boolean)}
         */
        @Deprecated
        public ConfigBuilder quantize(String quantization) {
            return set("output.quantize", quantization);
        }

        /**
         * Int8 weights in 7 bits, for CPUs without VNNI ({@code output.reduce-range}; with {@code int8(true)}).
         *
         * @param reduceRange true for 7-bit weights
         * @return this builder
         */
        public ConfigBuilder reduceRange(boolean reduceRange) {
            return set("output.reduce-range", Boolean.toString(reduceRange));
        }

        /**
         * Reconstruction before export ({@code reconstruct.level}); see {@code docs/recovery.md}.
         *
         * @param level {@code ReconstructionLevel#NONE} (the plain cut, the default), {@code ReconstructionLevel#DISTILL}
         *     (every kept weight trained against the dense model; give it text with {@link #corpus(Path)}),
         *     {@code ReconstructionLevel#TUNE}, {@code ReconstructionLevel#SCALES} or {@code ReconstructionLevel#REFIT}
         * @return this builder
         */
        public ConfigBuilder reconstruct(ReconstructionLevel level) {
            return set("reconstruct.level", level.word());
        }

        /**
         * Reconstruction before export by its configuration name ({@code reconstruct.level}).
         *
         * @param level {@code none}, {@code distill}, {@code tune}, {@code scales} or {@code refit}
         * @return this builder
         * @deprecated use {@link #reconstruct(ReconstructionLevel)}
         */
        @Deprecated
        public ConfigBuilder reconstruct(String level) {
            return set("reconstruct.level", level);
        }

        /**
         * The output directory ({@code output.dir}).
         *
         * @param directory where the ranking, the summary and the pruned model go
         * @return this builder
         */
        public ConfigBuilder output(Path directory) {
            return output(directory.toString());
        }

        /**
         * The output directory ({@code output.dir}).
         *
         * @param directory where the ranking, the summary and the pruned model go
         * @return this builder
         */
        public ConfigBuilder output(String directory) {
            return set("output.dir", directory);
        }

        /**
         * Whether an existing output directory may be replaced ({@code output.overwrite}): one that zeroprune wrote,
         * or an empty one; never anything else.
         *
         * @param overwrite true to replace it
         * @return this builder
         */
        public ConfigBuilder overwrite(boolean overwrite) {
            return set("output.overwrite", Boolean.toString(overwrite));
        }

        /**
         * Whether the chosen candidate is written as a pruned checkpoint ({@code output.export}); false writes the
         * ranking only.
         *
         * @param export false for the ranking only
         * @return this builder
         */
        public ConfigBuilder export(boolean export) {
            return set("output.export", Boolean.toString(export));
        }

        /**
         * Which candidate is exported ({@code output.export-rank}).
         *
         * @param rank 1 for the best
         * @return this builder
         */
        public ConfigBuilder exportRank(int rank) {
            return set("output.export-rank", Integer.toString(rank));
        }

        /**
         * Whether the exported model is timed against the dense one ({@code output.measure-latency}).
         *
         * @param measure false to skip the timing
         * @return this builder
         */
        public ConfigBuilder measureLatency(boolean measure) {
            return set("output.measure-latency", Boolean.toString(measure));
        }

        /**
         * Threads that score candidates ({@code threads}).
         *
         * @param threads 0 for every core
         * @return this builder
         */
        public ConfigBuilder threads(int threads) {
            return set("threads", Integer.toString(threads));
        }

        /**
         * Where candidates are scored ({@code engine.name}): {@code local}, this JVM's threads (the default), or
         * {@code spark}, a Spark cluster's executors, which needs the artifact {@code zeroprune-spark} on the class
         * path.
         *
         * @param name {@code local} or {@code spark}
         * @return this builder
         */
        public ConfigBuilder engine(String name) {
            return set("engine.name", name);
        }

        /**
         * The Spark master the {@code spark} engine runs on ({@code engine.master}).
         *
         * @param master {@code local[N]}, {@code local[N,RETRIES]}, {@code spark://HOST:PORT}, {@code yarn} or
         *     {@code k8s://HOST:PORT}
         * @return this builder
         */
        public ConfigBuilder master(String master) {
            return set("engine.master", master);
        }

        /**
         * {@return the validated configuration}
         *
         * @throws org.zeroprune.nas.ConfigException naming the key, the value and what was expected, the settings
         *     made here being named {@code Java API}
         */
        public PruneConfig build() {
            PruneConfig config = ConfigLoader.load(file, settings, Caller.JAVA_API);
            return plugins.isEmpty() ? config : config.withPlugins(plugins);
        }
    }
}
