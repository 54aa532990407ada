package org.zeroprune.nas.config;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.nas.search.SearchStrategies;
import org.zeroprune.nas.search.SearchStrategy;
import org.zeroprune.spi.context.ProgressListener;

/**
 * Wires a pruning run: the configuration, the plugin registry, the search strategies by name,
 * the model runtime, where progress goes and who called (whose wording messages use).
 */
public final class PruneModule extends AbstractModule {
    /** Environment variable with extra plugin directories, separated like the class path. */
    public static final String PLUGINS_ENV = "ZEROPRUNE_PLUGINS";

    private final PruneConfig config;
    private final ProgressListener progress;
    private final ModelRuntime runtime;
    private final Caller caller;

    /**
     * A run driven from the command line.
     *
     * @param config the validated configuration
     * @param progress where long steps report progress
     * @param runtime how the model is run (forward pass, latency)
     */
    public PruneModule(PruneConfig config, ProgressListener progress, ModelRuntime runtime) {
        this(config, progress, runtime, Caller.COMMAND_LINE);
    }

    /**
     * @param config the validated configuration
     * @param progress where long steps report progress
     * @param runtime how the model is run (forward pass, latency)
     * @param caller the command line or the Java API, whose names messages use
     */
    public PruneModule(PruneConfig config, ProgressListener progress, ModelRuntime runtime, Caller caller) {
        this.config = config;
        this.progress = progress;
        this.runtime = runtime;
        this.caller = caller;
    }

    @Override
    protected void configure() {
        bind(PruneConfig.class).toInstance(config);
        bind(ProgressListener.class).toInstance(progress);
        bind(ModelRuntime.class).toInstance(runtime);
        bind(Caller.class).toInstance(caller);
        // the names and strategies come from the search package's registry, so that a strategy is named once
        MapBinder<String, SearchStrategy> searches = MapBinder.newMapBinder(binder(), String.class, SearchStrategy.class);
        SearchStrategies.factories().forEach((name, factory) -> searches.addBinding(name)
                .toProvider((Provider<SearchStrategy>) factory::get));
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
