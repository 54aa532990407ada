package org.zeroprune.nas.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.zeroprune.spi.ScoringStrategyProvider;

/**
 * The scoring strategies available to a run, found with {@link ServiceLoader} on the class path
 * and in plugin directories.
 *
 * <p>In a plugin directory, every {@code *.jar} is a plugin of its own, and every sub-directory is
 * one plugin made of all the jars inside it (a plugin and its libraries). A shade plugin's leftover
 * {@code original-X.jar} next to {@code X.jar} is skipped. Each plugin gets its own
 * class loader whose parent is the framework's, so it sees the SPI but not the other plugins.
 *
 * <p>A plugin reached twice (a folder named twice, or through a symbolic link) is loaded once: plugins
 * are told apart by their real paths. Two different plugins that provide the same name (an old
 * version left beside a new one, say) are a warning in {@link #problems()}; only selecting that name
 * is refused, with an error naming both sources. A provider that fails to load, or was compiled
 * against another major version of the SPI, is left out and
 * reported in {@link #problems()}; it never takes the others down.
 */
public final class PluginRegistry {
    /**
     * The strategies of the ZeroLM plugin, the one plugin the project builds beside the framework: a
     * user who selects one without the plugin is told where it comes from.
     */
    private static final Set<String> ZEROLM_PLUGIN_NAMES = Set.of("zerolm", "zerolm-relative");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<String, RegisteredStrategy> strategies;
    private final Map<String, String> duplicates;
    private final List<String> problems;

    private PluginRegistry(Map<String, RegisteredStrategy> strategies, Map<String, List<RegisteredStrategy>> duplicates,
            List<String> problems) {
        this.strategies = Collections.unmodifiableMap(strategies);
        Map<String, String> refusals = new LinkedHashMap<>();
        duplicates.forEach((name, providers) -> refusals.put(name, describeDuplicate(name, providers)));
        this.duplicates = Collections.unmodifiableMap(refusals);
        List<String> all = new ArrayList<>(problems);
        refusals.values().forEach(r -> all.add(r + " (refused only when selected)"));
        this.problems = List.copyOf(all);
    }

    /**
     * Finds every provider visible to {@code classPath} and in {@code pluginDirectories}.
     *
     * @throws PluginException on an unreadable plugin directory
     */
    public static PluginRegistry discover(ClassLoader classPath, List<Path> pluginDirectories) {
        Map<String, RegisteredStrategy> found = new LinkedHashMap<>();
        Map<String, List<RegisteredStrategy>> duplicates = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        load(classPath, null, found, duplicates, problems);
        Set<Path> seen = new HashSet<>();
        for (Path dir : pluginDirectories) {
            for (Path plugin : pluginsIn(dir)) {
                if (!seen.add(realPath(plugin))) {
                    continue; // the same jar reached again (a folder named twice, a link): one plugin, not two
                }
                URL[] urls = urls(plugin, problems);
                if (urls.length == 0) {
                    continue;
                }
                URLClassLoader loader = new URLClassLoader("zeroprune-plugin:" + plugin.getFileName(), urls,
                        PluginRegistry.class.getClassLoader());
                load(loader, plugin, found, duplicates, problems);
            }
        }
        return new PluginRegistry(found, duplicates, problems);
    }

    private static Path realPath(Path plugin) {
        try {
            return plugin.toRealPath();
        } catch (IOException e) {
            return plugin.toAbsolutePath().normalize();
        }
    }

    private static String describeDuplicate(String name, List<RegisteredStrategy> providers) {
        return providers.size() + " plugins provide the strategy '" + name + "': " + providers.stream()
                .map(r -> r.provider().getClass().getName() + " from " + r.source()).collect(Collectors.joining(" and "))
                + "; remove all but one of them (an old version left in a plugin directory?)";
    }

    /** The providers on the framework's own class path only. */
    public static PluginRegistry discover(List<Path> pluginDirectories) {
        return discover(PluginRegistry.class.getClassLoader(), pluginDirectories);
    }

    private static void load(ClassLoader loader, Path plugin, Map<String, RegisteredStrategy> found,
            Map<String, List<RegisteredStrategy>> duplicates, List<String> problems) {
        String where = plugin == null ? "the class path" : plugin.toString();
        Iterator<ServiceLoader.Provider<ScoringStrategyProvider>> providers;
        try {
            providers = ServiceLoader.load(ScoringStrategyProvider.class, loader).stream().iterator();
        } catch (ServiceConfigurationError e) {
            problems.add(where + ": " + e.getMessage());
            return;
        }
        while (true) {
            ServiceLoader.Provider<ScoringStrategyProvider> candidate;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                candidate = providers.next();
            } catch (ServiceConfigurationError e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            // a plugin's loader also sees the class path through its parent: keep only its own providers
            if (plugin != null && candidate.type().getClassLoader() != loader) {
                continue;
            }
            String source = sourceOf(candidate.type(), plugin);
            ScoringStrategyProvider provider;
            String name;
            try {
                provider = candidate.get();
                name = provider.name();
                provider.description();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(candidate.type().getName() + " (" + source + ") failed to load: " + e);
                continue;
            }
            if (name == null || !NAME.matcher(name).matches()) {
                problems.add(candidate.type().getName() + " (" + source + ") has an invalid name '" + name
                        + "'; expected lower-case letters, digits and hyphens");
                continue;
            }
            Optional<String> incompatible = SpiCompatibility.problem(provider, name, source);
            if (incompatible.isPresent()) {
                problems.add(incompatible.get());
                continue;
            }
            RegisteredStrategy registered = new RegisteredStrategy(provider, source);
            RegisteredStrategy previous = found.putIfAbsent(name, registered);
            if (previous != null) {
                duplicates.computeIfAbsent(name, n -> new ArrayList<>(List.of(previous))).add(registered);
            }
        }
    }

    private static String sourceOf(Class<?> type, Path plugin) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code != null && code.getLocation() != null) {
            try {
                return Path.of(code.getLocation().toURI()).toString();
            } catch (Exception e) {
                return code.getLocation().toString();
            }
        }
        return plugin == null ? "the class path" : plugin.toString();
    }

    private static List<Path> pluginsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PluginException("plugin directory " + dir + " does not exist or is not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isDirectory(p) || p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !isShadeOriginal(p)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new PluginException("cannot list plugin directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Maven's shade plugin leaves the unshaded jar as {@code original-X.jar} beside the shaded
     * {@code X.jar}; loading both would offer every strategy twice.
     */
    private static boolean isShadeOriginal(Path jar) {
        String name = jar.getFileName().toString();
        return name.startsWith("original-") && name.endsWith(".jar")
                && Files.exists(jar.resolveSibling(name.substring("original-".length())));
    }

    /** The plugin's jars as URLs, leaving out (and reporting) jars that are not zip archives. */
    private static URL[] urls(Path plugin, List<String> problems) {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(plugin)) {
            try (Stream<Path> entries = Files.list(plugin)) {
                entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            } catch (IOException e) {
                throw new PluginException("cannot list plugin " + plugin + ": " + e.getMessage(), e);
            }
        } else {
            jars.add(plugin);
        }
        // a class loader skips a corrupt jar without a word: the plugin would just be absent
        jars.removeIf(jar -> unreadable(jar, problems));
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginException("bad plugin path " + jars.get(i), e);
            }
        }
        return urls;
    }

    private static boolean unreadable(Path jar, List<String> problems) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return false;
        } catch (IOException e) {
            problems.add(jar + ": not a readable jar (" + e.getMessage() + "); left out");
            return true;
        }
    }

    /** Every registered strategy, in discovery order. */
    public List<RegisteredStrategy> strategies() {
        return List.copyOf(strategies.values());
    }

    /** Names of every registered strategy, sorted. */
    public List<String> names() {
        return strategies.keySet().stream().sorted().toList();
    }

    /**
     * The strategy with this name.
     *
     * @throws PluginException listing the available names when there is none, or naming every source when
     *     several plugins provide it
     */
    public RegisteredStrategy get(String name) {
        if (duplicates.containsKey(name)) {
            throw new PluginException(duplicates.get(name));
        }
        RegisteredStrategy strategy = strategies.get(name);
        if (strategy == null) {
            String available = strategies.isEmpty() ? "none (is the plugin jar on the class path or in a plugin directory?)"
                    : String.join(", ", names());
            throw new PluginException("unknown scoring strategy '" + name + "'; available: " + available
                    + (ZEROLM_PLUGIN_NAMES.contains(name) ? "; '" + name + "' comes with the ZeroLM plugin, "
                            + "zeroprune-proxy-plugin.jar: put it in a plugin directory or on the class path" : "")
                    + (problems.isEmpty() ? "" : "; plugins that failed to load: " + String.join("; ", problems)));
        }
        return strategy;
    }

    /**
     * Providers that could not be loaded, one message each (they are left out of the registry), and names that
     * several plugins provide (refused when selected).
     */
    public List<String> problems() {
        return problems;
    }
}
