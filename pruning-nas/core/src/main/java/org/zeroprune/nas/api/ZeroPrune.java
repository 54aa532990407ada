package org.zeroprune.nas.api;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.config.ConfigLoader;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.config.PruneModule;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.prune.PruneJob;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.spi.context.ProgressListener;

/**
 * The in-process API: the same pipeline as {@code zeroprune prune}, for a compression pipeline
 * that embeds zeroprune instead of shelling out to it.
 *
 * <pre>{@code
 * PruneResult result = ZeroPrune.prune(ZeroPrune.config()
 *         .model("path/to/bert")          // or "embedded", or an .onnx file
 *         .set("budget.flops", "0.5")
 *         .strategy("zerolm").option("alpha-selection", "fixed").option("alpha", "0.4")
 *         .seed(7)
 *         .output("pruned")
 *         .build());
 * System.out.println(result.best().score() + " -> " + result.exportedModel().orElseThrow());
 * Path onnx = result.onnxModel().orElseThrow();   // pruned/model/model.onnx, for ONNX Runtime or DJL
 * }</pre>
 */
public final class ZeroPrune {
    private ZeroPrune() {
    }

    /** A configuration builder starting from the defaults (or from a file, see {@link ConfigBuilder#file}). */
    public static ConfigBuilder config() {
        return new ConfigBuilder();
    }

    /** Runs a pruning job without progress output. */
    public static PruneResult prune(PruneConfig config) {
        return prune(config, ProgressListener.NONE);
    }

    /** Runs a pruning job, reporting progress to {@code progress}. */
    public static PruneResult prune(PruneConfig config, ProgressListener progress) {
        PruneJob job;
        ModelRuntime runtime = new DjlModelRuntime();
        try {
            job = Guice.createInjector(new PruneModule(config, progress, runtime)).getInstance(PruneJob.class);
        } catch (CreationException | ProvisionException e) {
            runtime.close();
            // the wiring's report lists every binding; the user needs the one failure behind it (a plugin folder, say)
            throw userFailure(e).orElseThrow(() -> e);
        }
        try (runtime) {
            return job.run();
        }
    }

    private static Optional<ZeroPruneException> userFailure(RuntimeException wiring) {
        for (Throwable t = wiring; t != null; t = t.getCause()) {
            if (t instanceof ZeroPruneException z) {
                return Optional.of(z);
            }
        }
        Collection<Message> messages = wiring instanceof CreationException c ? c.getErrorMessages()
                : ((ProvisionException) wiring).getErrorMessages();
        return messages.stream().map(Message::getCause).filter(ZeroPruneException.class::isInstance)
                .map(ZeroPruneException.class::cast).findFirst();
    }

    /** The scoring strategies on the class path and in the given plugin directories. */
    public static PluginRegistry strategies(List<Path> pluginDirectories) {
        return PluginRegistry.discover(pluginDirectories);
    }

    /** Builds a {@link PruneConfig} from the defaults, an optional file and settings, validated on {@link #build()}. */
    public static final class ConfigBuilder {
        private Optional<Path> file = Optional.empty();
        private final Map<String, String> settings = new LinkedHashMap<>();

        private ConfigBuilder() {
        }

        /** Starts from a YAML or JSON file instead of the bare defaults. */
        public ConfigBuilder file(Path configFile) {
            this.file = Optional.of(configFile);
            return this;
        }

        /** Sets any key, e.g. {@code set("search.candidates", "500")}. */
        public ConfigBuilder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** The model: {@code embedded}, a checkpoint directory or an {@code .onnx} file. */
        public ConfigBuilder model(String model) {
            return set("model", model);
        }

        /** A FLOPs budget: the kept fraction of the dense model's MACs. */
        public ConfigBuilder flops(double ratio) {
            return set("budget.flops", Double.toString(ratio));
        }

        /** The scoring strategy by name. */
        public ConfigBuilder strategy(String name) {
            return set("scoring.strategy", name);
        }

        /** One option of the scoring strategy. */
        public ConfigBuilder option(String key, String value) {
            return set("scoring.options." + key, value);
        }

        /** The search seed. */
        public ConfigBuilder seed(long seed) {
            return set("search.seed", Long.toString(seed));
        }

        /** The model files of the export: {@code both} (the default), {@code safetensors} or {@code onnx}. */
        public ConfigBuilder format(String format) {
            return set("output.format", format);
        }

        /** {@code int8}: also write {@code model_qint8.onnx} beside {@code model.onnx}; {@code none} (the default): not. */
        public ConfigBuilder quantize(String quantization) {
            return set("output.quantize", quantization);
        }

        /** Int8 weights in 7 bits, for CPUs without VNNI (with {@code quantize("int8")}). */
        public ConfigBuilder reduceRange(boolean reduceRange) {
            return set("output.reduce-range", Boolean.toString(reduceRange));
        }

        /**
         * Reconstruction before export: {@code none} (the plain cut, the default), {@code distill} (every kept weight
         * trained against the dense model; give it text with {@link #corpus(String)}), {@code tune}, {@code scales} or
         * {@code refit}.
         */
        public ConfigBuilder reconstruct(String level) {
            return set("reconstruct.level", level);
        }

        /**
         * Calibration text: {@code builtin} (the sentences zeroprune ships) or a file of the caller's, one sentence
         * per line; reconstruction and data-driven strategies calibrate on its calibration part.
         */
        public ConfigBuilder corpus(String corpus) {
            return set("scoring.corpus", corpus);
        }

        /** The output directory. */
        public ConfigBuilder output(String directory) {
            return set("output.dir", directory);
        }

        /** The validated configuration. */
        public PruneConfig build() {
            return ConfigLoader.load(file, settings);
        }
    }
}
