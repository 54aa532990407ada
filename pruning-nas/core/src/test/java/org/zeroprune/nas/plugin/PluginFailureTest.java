package org.zeroprune.nas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.testing.PluginJarBuilder;

/** A plugin that fails while loading, preparing or scoring is reported by name and never takes the others down. */
class PluginFailureTest {
    @TempDir
    static Path plugins;

    @BeforeAll
    static void buildFaultyPluginJar() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("faulty.Good", provider("Good", "jar-good", "return (m, c) -> mask -> 1.0;", ""));
        sources.put("faulty.BrokenConstructor", provider("BrokenConstructor", "broken", "return null;",
                "public BrokenConstructor() { throw new IllegalStateException(\"cannot start\"); }"));
        sources.put("faulty.ThrowsInPrepare", provider("ThrowsInPrepare", "throws-in-prepare",
                "return (m, c) -> { throw new IllegalStateException(\"prepare exploded\"); };", ""));
        sources.put("faulty.ThrowsInScore", provider("ThrowsInScore", "throws-in-score",
                "return (m, c) -> mask -> { if (mask.keptHeads() < 1000) throw new ArithmeticException(\"score exploded\");"
                        + " return 0; };", ""));
        sources.put("faulty.NanScore", provider("NanScore", "nan-score", "return (m, c) -> mask -> Double.NaN;", ""));
        PluginJarBuilder.build(sources, plugins.resolve("faulty-plugin.jar"));
    }

    private static String provider(String type, String name, String create, String extra) {
        return PluginJarBuilder.provider("faulty", type, name, create, extra);
    }

    @Test
    void aProviderThatFailsToLoadIsLeftOutAndReported() {
        PluginRegistry registry = PluginRegistry.discover(List.of(plugins));
        assertTrue(registry.names().containsAll(List.of("jar-good", "throws-in-prepare", "throws-in-score", "nan-score",
                "test-params")), registry.names().toString());
        assertFalse(registry.names().contains("broken"));
        assertEquals(1, registry.problems().size());
        assertTrue(registry.problems().get(0).contains("faulty.BrokenConstructor"), registry.problems().get(0));
        assertTrue(registry.problems().get(0).contains("faulty-plugin.jar"), registry.problems().get(0));
        assertTrue(registry.get("jar-good").source().endsWith("faulty-plugin.jar"));
    }

    @Test
    void failuresWhilePreparingOrScoringNameTheStrategy(@TempDir Path out) {
        assertMessage(out, "throws-in-prepare", "strategy 'throws-in-prepare'", "failed while preparing",
                "prepare exploded");
        assertMessage(out, "throws-in-score", "strategy 'throws-in-score' (", "faulty-plugin.jar) failed while scoring"
                + " candidate #", "score exploded");
        assertMessage(out, "nan-score", "strategy 'nan-score' (", "faulty-plugin.jar) returned NaN for candidate #");
        assertFalse(Files.exists(out.resolve("throws-in-score")), "no half-written output");
    }

    @Test
    void aDuplicatedJarIsAWarningAndOnlyItsStrategiesAreRefusedNamingBothJars(@TempDir Path second) throws Exception {
        Files.copy(plugins.resolve("faulty-plugin.jar"), second.resolve("copy.jar"));
        PluginRegistry registry = PluginRegistry.discover(List.of(plugins, second));
        assertTrue(registry.names().contains("jar-good"), registry.names().toString());
        String warning = registry.problems().stream().filter(p -> p.contains("'jar-good'")).findFirst().orElseThrow();
        assertTrue(warning.contains("2 plugins provide the strategy 'jar-good'") && warning.contains("faulty-plugin.jar")
                && warning.contains("copy.jar") && warning.contains("refused only when selected"), warning);
        PluginException e = assertThrows(PluginException.class, () -> registry.get("jar-good"));
        assertTrue(e.getMessage().contains("faulty-plugin.jar") && e.getMessage().contains("copy.jar"), e.getMessage());
        assertEquals("test-params", registry.get("test-params").name(), "the other strategies are untouched");
    }

    @Test
    void theSameJarReachedTwiceIsNoDuplicate(@TempDir Path linked, @TempDir Path elsewhere) throws Exception {
        Files.createSymbolicLink(linked.resolve("link.jar"), plugins.resolve("faulty-plugin.jar"));
        Path linkedFolder = Files.createSymbolicLink(elsewhere.resolve("folder"), plugins);
        PluginRegistry registry = PluginRegistry.discover(List.of(plugins, plugins, linked, linkedFolder));
        assertEquals(1, registry.problems().size(), registry.problems().toString()); // the broken constructor alone
        assertTrue(registry.get("jar-good").source().endsWith("faulty-plugin.jar"));
    }

    private static void assertMessage(Path out, String strategy, String... fragments) {
        PluginException e = assertThrows(PluginException.class, () -> ZeroPrune.prune(ZeroPrune.config()
                .strategy(strategy).set("search.strategy", "random")
                .set("plugins", "[" + plugins + "]").set("search.candidates", "20")
                .output(out.resolve(strategy).toString()).build()));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
