package org.zeroprune.nas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.PluginJarBuilder;
import org.zeroprune.spi.ScoringStrategyProvider;

/**
 * A provider compiled against another major version of the SPI is left out with a one-line message
 * naming it, its jar and both versions; the providers beside it, in its jar and in others, stay.
 */
class SpiVersionTest {
    private static final String OWN = ScoringStrategyProvider.SPI_VERSION;

    @TempDir
    static Path plugins;

    @BeforeAll
    static void buildPluginJars() throws Exception {
        Map<String, String> mixed = new LinkedHashMap<>();
        mixed.put("versions.Current", provider("Current", "current-spi", "SPI_VERSION"));
        mixed.put("versions.NextMinor", provider("NextMinor", "next-minor-spi", "\"" + major(OWN) + ".99\""));
        mixed.put("versions.NextMajor", provider("NextMajor", "next-major-spi", "\"" + (major(OWN) + 1) + ".0\""));
        mixed.put("versions.Unreadable", provider("Unreadable", "unreadable-spi", "\"one\""));
        PluginJarBuilder.build(mixed, plugins.resolve("mixed-versions.jar"));
        PluginJarBuilder.build(Map.of("other.Fine", PluginJarBuilder.provider("other", "Fine", "fine", "return null;", "")),
                plugins.resolve("other.jar"));
    }

    private static String provider(String type, String name, String version) {
        return PluginJarBuilder.provider("versions", type, name, version, "return null;", "");
    }

    private static int major(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    @Test
    void anotherMajorVersionIsLeftOutNamingProviderJarAndBothVersions() {
        PluginRegistry registry = PluginRegistry.discover(List.of(plugins));
        assertTrue(registry.names().containsAll(List.of("current-spi", "next-minor-spi", "fine", "test-params")),
                registry.names().toString());
        assertFalse(registry.names().contains("next-major-spi"));
        String refused = registry.problems().stream().filter(p -> p.contains("versions.NextMajor")).findFirst()
                .orElseThrow(() -> new AssertionError(registry.problems().toString()));
        assertFalse(refused.contains("\n"), "one line: " + refused);
        assertTrue(refused.contains("mixed-versions.jar"), refused);
        assertTrue(refused.contains("strategy 'next-major-spi'"), refused);
        assertTrue(refused.contains("compiled against zeroprune SPI " + (major(OWN) + 1) + ".0, but this zeroprune has SPI "
                + OWN + " (major versions must match)"), refused);

        PluginException e = assertThrows(PluginException.class, () -> registry.get("next-major-spi"));
        assertTrue(e.getMessage().contains("plugins that failed to load") && e.getMessage().contains(refused),
                e.getMessage());
    }

    @Test
    void aVersionThatIsNotMajorDotMinorIsLeftOutSayingWhatWasExpected() {
        PluginRegistry registry = PluginRegistry.discover(List.of(plugins));
        assertFalse(registry.names().contains("unreadable-spi"));
        List<String> unreadable = registry.problems().stream().filter(p -> p.contains("versions.Unreadable")).toList();
        assertEquals(1, unreadable.size(), registry.problems().toString());
        assertTrue(unreadable.get(0).contains("declares SPI version 'one', expected MAJOR.MINOR such as " + OWN),
                unreadable.get(0));
        assertEquals(2, registry.problems().size(), "the others load: " + registry.problems());
    }
}
