package org.zeroprune.nas.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.spi.InvalidOptionException;

class PluginRegistryTest {
    @Test
    void findsProvidersOnTheClassPathWithTheirSource() {
        PluginRegistry registry = PluginRegistry.discover(List.of());
        RegisteredStrategy strategy = registry.get("test-params");
        assertEquals("kept parameters times a factor (tests only)", strategy.provider().description());
        assertTrue(strategy.source().contains("test-classes"), strategy.source());
    }

    @Test
    void anUnknownNameListsTheAvailableOnes() {
        PluginRegistry registry = PluginRegistry.discover(List.of());
        PluginException e = assertThrows(PluginException.class, () -> registry.get("nope"));
        assertTrue(e.getMessage().contains("unknown scoring strategy 'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("test-params"), e.getMessage());
    }

    @Test
    void optionsAreTypeChecked() {
        RegisteredStrategy strategy = PluginRegistry.discover(List.of()).get("test-params");
        InvalidOptionException unknown = assertThrows(InvalidOptionException.class,
                () -> strategy.create(Map.of("alpha", "1")));
        assertTrue(unknown.getMessage().contains("has no option 'alpha'; its options are factor"), unknown.getMessage());
        InvalidOptionException type = assertThrows(InvalidOptionException.class,
                () -> strategy.create(Map.of("factor", "big")));
        assertTrue(type.getMessage().contains("'big' is not a finite number"), type.getMessage());
    }

    @Test
    void aMissingPluginDirectoryIsAnError(@TempDir Path dir) {
        PluginException e = assertThrows(PluginException.class,
                () -> PluginRegistry.discover(List.of(dir.resolve("missing"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
