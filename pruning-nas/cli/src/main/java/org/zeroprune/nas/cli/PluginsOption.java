package org.zeroprune.nas.cli;

import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.config.PruneModule;
import org.zeroprune.nas.plugin.PluginRegistry;
import picocli.CommandLine.Option;

/** {@code --plugins DIR}: plugin directories besides ./plugins and $ZEROPRUNE_PLUGINS. */
final class PluginsOption {
    @Option(names = "--plugins", paramLabel = "DIR", description = "A plugin directory, besides ./plugins and"
            + " $ZEROPRUNE_PLUGINS (repeatable).")
    List<String> plugins = List.of();

    /** The directories given, as written. */
    List<String> given() {
        return plugins;
    }

    /** The configuration's plugin directories followed by the ones given. */
    List<String> after(List<String> configured) {
        List<String> all = new ArrayList<>(configured);
        all.addAll(plugins);
        return all;
    }

    /** The strategies of the default directories and the ones given. */
    PluginRegistry discover() {
        return discover(List.of());
    }

    /** The strategies of the default directories, {@code configured} and the ones given. */
    PluginRegistry discover(List<String> configured) {
        return PluginRegistry.discover(PruneModule.pluginDirectories(after(configured)));
    }
}
