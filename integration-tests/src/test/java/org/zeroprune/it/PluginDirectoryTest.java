package org.zeroprune.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.plugin.PluginException;
import org.zeroprune.nas.plugin.PluginRegistry;

/**
 * The real plugin jar, built by the build, found in a plugin directory (it is not on the test class path),
 * beside the strategies that ship with the framework, which are on it.
 */
class PluginDirectoryTest {
    /** What module zeroprune-strategies ships, on the class path of every user of the framework. */
    private static final List<String> SHIPPED =
            List.of("fisher", "flops", "magnitude", "params", "perturbation", "random", "synthetic-fidelity");

    @Test
    void findsEveryStrategyOfThePluginJarWithTheJarAsItsSource() {
        PluginRegistry registry = PluginRegistry.discover(List.of(Plugins.directory()));
        for (String name : List.of("zerolm", "zerolm-relative")) {
            String source = registry.get(name).source();
            assertTrue(source.endsWith(".jar") && source.contains("zeroprune-proxy-plugin"), name + " from " + source);
        }
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void withoutThePluginDirectoryTheShippedStrategiesRemainAndTheErrorSaysWhatExists() {
        PluginRegistry registry = PluginRegistry.discover(List.of());
        assertEquals(SHIPPED, registry.names(), "the framework's own strategies, from its class path");
        for (String name : SHIPPED) {
            String source = registry.get(name).source();
            assertTrue(source.contains("strategies"), name + " from " + source);
        }
        PluginException e = assertThrows(PluginException.class, () -> registry.get("zerolm"));
        assertTrue(e.getMessage().contains("unknown scoring strategy 'zerolm'; available: " + String.join(", ", SHIPPED)),
                e.getMessage());
        assertTrue(e.getMessage().contains("'zerolm' comes with the ZeroLM plugin, zeroprune-proxy-plugin.jar"),
                e.getMessage());
    }

    @Test
    void aCopyOfThePluginJarInAnotherDirectoryIsAWarningAndRefusedOnlyWhenSelected(@TempDir Path other) throws Exception {
        try (var jars = Files.list(Plugins.directory())) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, other.resolve("copy-of-" + jar.getFileName()));
            }
        }
        PluginRegistry registry = PluginRegistry.discover(List.of(Plugins.directory(), other));
        assertTrue(registry.problems().stream().anyMatch(p -> p.contains("provide the strategy 'zerolm'")
                && p.contains("copy-of-")), registry.problems().toString());
        PluginException e = assertThrows(PluginException.class, () -> registry.get("zerolm"));
        assertTrue(e.getMessage().contains("copy-of-"), e.getMessage());
        // the same directory twice is one plugin, not a duplicate
        assertTrue(PluginRegistry.discover(List.of(Plugins.directory(), Plugins.directory())).problems().isEmpty());
    }
}
