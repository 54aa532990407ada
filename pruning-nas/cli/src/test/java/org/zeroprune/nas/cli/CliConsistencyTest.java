package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.PluginJarBuilder;

/**
 * The commands agree: one strategy syntax, a duplicated plugin jar is a warning until its strategy is
 * chosen, configuration files name plugin folders relative to themselves, and export reads the
 * configuration as prune does. Real jars, the embedded model, the real command line.
 */
class CliConsistencyTest {
    @TempDir
    static Path dir;
    static Path plugins;
    static Path copies;

    @BeforeAll
    static void buildTwoCopiesOfAPluginJar() throws Exception {
        plugins = Files.createDirectories(dir.resolve("project").resolve("my-plugins"));
        PluginJarBuilder.build(Map.of("dup.Kept", PluginJarBuilder.provider("dup", "Kept", "dup-kept",
                "return (m, c) -> mask -> mask.keptHeads();", "")), plugins.resolve("dup-plugin-1.0.jar"));
        copies = Files.createDirectories(dir.resolve("old"));
        Files.copy(plugins.resolve("dup-plugin-1.0.jar"), copies.resolve("dup-plugin-0.9.jar"));
    }

    private static CliRun prune(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("prune", "--model", "embedded", "--search", "random", "--candidates",
                "10", "--reconstruct", "none", "--set", "output.measure-latency=false", "--out", out.toString(),
                "--quiet"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void pruneTakesEvaluatesStrategySyntaxAndRefusesAContradictingOption() throws Exception {
        Path out = dir.resolve("spec");
        CliRun run = prune(out, "--strategy", "test-params:factor=2");
        assertEquals(0, run.status(), run.out() + run.err());
        JsonNode factor = new ObjectMapper().readTree(out.resolve("ranking.json").toFile()).findValue("factor");
        assertEquals("2", factor.asText(), "the option reached the run (its default is 1.0)");

        prune(dir.resolve("clash"), "--strategy", "test-params:factor=2", "--option", "factor=3")
                .assertOneLineError("--option factor=3 and --strategy test-params:factor=2 set the same key");
        prune(dir.resolve("two"), "--strategy", "test-params,params").assertOneLineError("names 2 strategies");
        assertFalse(Files.exists(dir.resolve("clash")));
    }

    @Test
    void aDuplicatedJarIsAWarningAndRefusedOnlyWhenItsStrategyIsChosen() {
        CliRun listed = CliRun.of("strategies", "--plugins", plugins.toString(), "--plugins", copies.toString());
        assertEquals(0, listed.status(), listed.err());
        assertTrue(listed.out().contains("dup-kept"), listed.out());
        assertTrue(listed.err().contains("warning: 2 plugins provide the strategy 'dup-kept'")
                && listed.err().contains("dup-plugin-1.0.jar") && listed.err().contains("dup-plugin-0.9.jar"), listed.err());

        CliRun other = prune(dir.resolve("other"), "--strategy", "test-params", "--plugins", plugins.toString(),
                "--plugins", copies.toString());
        assertEquals(0, other.status(), other.out() + other.err());
        assertTrue(other.err().contains("warning: 2 plugins provide the strategy 'dup-kept'"), other.err());

        CliRun chosen = prune(dir.resolve("chosen"), "--strategy", "dup-kept", "--plugins", plugins.toString(),
                "--plugins", copies.toString());
        chosen.assertOneLineError("2 plugins provide the strategy 'dup-kept'");
        assertTrue(chosen.err().contains("dup-plugin-1.0.jar") && chosen.err().contains("dup-plugin-0.9.jar"), chosen.err());

        CliRun twice = CliRun.of("strategies", "--plugins", plugins.toString(), "--plugins", plugins.toString());
        assertEquals(0, twice.status(), twice.err());
        assertFalse(twice.err().contains("warning"), "the same folder twice is one plugin: " + twice.err());
    }

    @Test
    void aConfigurationFileNamesPluginFoldersRelativeToItselfForPruneAndExport() throws Exception {
        Path config = Files.writeString(dir.resolve("project").resolve("zeroprune.yaml"), String.join("\n",
                "plugins: [my-plugins]", "scoring:", "  strategy: dup-kept", "output:", "  format: onnx", ""));
        Path out = dir.resolve("from-config");
        CliRun run = prune(out, "--config", config.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(Files.exists(out.resolve("model").resolve("model.onnx")));

        Path exported = dir.resolve("exported");
        CliRun export = CliRun.of("export", "--ranking", out.resolve("ranking.json").toString(), "--rank", "2",
                "--config", config.toString(), "--set", "reconstruct.level=none", "--out", exported.toString());
        assertEquals(0, export.status(), export.out() + export.err());
        assertTrue(Files.exists(exported.resolve("model.onnx")));
        assertFalse(Files.exists(exported.resolve("model.safetensors")), "output.format of the file applies");
    }

    @Test
    void modelsShowsUnknownSizesAsAQuestionMarkAndRefusesANegativeLimit() {
        assertEquals("?", ModelsCommand.megabytes(0));
        assertEquals("?", ModelsCommand.megabytes(-1));
        assertEquals("438", ModelsCommand.megabytes(438_000_000));
        CliRun all = CliRun.of("models", "--limit", "0");
        assertEquals(0, all.status(), all.err());
        assertFalse(all.out().contains(" -0\n"), all.out());
        CliRun.of("models", "--limit", "-1").assertOneLineError("--limit -1: expected 0 (every entry) or a positive number");
    }
}
