package org.zeroprune.nas.config;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.forward.ModelRuntime;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.search.EvolutionarySearch;
import org.zeroprune.nas.search.ExhaustiveSearch;
import org.zeroprune.nas.search.GreedySearch;
import org.zeroprune.nas.search.HybridSearch;
import org.zeroprune.nas.search.RandomSearch;
import org.zeroprune.nas.search.SearchStrategy;
import org.zeroprune.nas.search.UniformSearch;
import org.zeroprune.spi.context.ProgressListener;

/**
 * Wires a pruning run: the configuration, the plugin registry, the search strategies by name,
 * the model runtime and where progress goes.
 */
public final class PruneModule extends AbstractModule {
    /** Environment variable with extra plugin directories, separated like the class path. */
    public static final String PLUGINS_ENV = "ZEROPRUNE_PLUGINS";

    private final PruneConfig config;
    private final ProgressListener progress;
    private final ModelRuntime runtime;

    /**
     * @param config the validated configuration
     * @param progress where long steps report progress
     * @param runtime how the model is run (forward pass, latency)
     */
    public PruneModule(PruneConfig config, ProgressListener progress, ModelRuntime runtime) {
        this.config = config;
        this.progress = progress;
        this.runtime = runtime;
    }

    @Override
    protected void configure() {
        bind(PruneConfig.class).toInstance(config);
        bind(ProgressListener.class).toInstance(progress);
        bind(ModelRuntime.class).toInstance(runtime);
        MapBinder<String, SearchStrategy> searches = MapBinder.newMapBinder(binder(), String.class, SearchStrategy.class);
        searches.addBinding("random").to(RandomSearch.class);
        searches.addBinding("evolutionary").to(EvolutionarySearch.class);
        searches.addBinding("greedy").to(GreedySearch.class);
        searches.addBinding("uniform").to(UniformSearch.class);
        searches.addBinding("exhaustive").to(ExhaustiveSearch.class);
        searches.addBinding("hybrid").to(HybridSearch.class);
    }

    @Provides
    @Singleton
    PluginRegistry registry() {
        return PluginRegistry.discover(pluginDirectories(config.plugins()));
    }

    /**
     * The plugin directories of a run: the configured ones, those in {@code $ZEROPRUNE_PLUGINS}, and
     * {@code ./plugins} when it exists.
     */
    public static List<Path> pluginDirectories(List<String> configured) {
        List<Path> dirs = new ArrayList<>();
        configured.forEach(d -> dirs.add(Paths.get(d)));
        String env = System.getenv(PLUGINS_ENV);
        if (env != null && !env.isBlank()) {
            for (String d : env.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Paths.get(d));
                }
            }
        }
        Path local = Paths.get("plugins");
        if (Files.isDirectory(local) && dirs.stream().noneMatch(d -> d.toAbsolutePath().normalize()
                .equals(local.toAbsolutePath().normalize()))) {
            dirs.add(local);
        }
        return dirs;
    }
}
