package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.benchmark.flexibert.LineupEntry;
import org.zeroprune.nas.benchmark.flexibert.StrategyLineup;
import org.zeroprune.nas.evaluate.StrategySpec;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.ShippedStrategies;

/**
 * One strategy syntax, {@code NAME:KEY=VALUE,KEY=VALUE}, for {@code evaluate --strategy} and
 * {@code benchmark flexibert --strategies}; the benchmark's older {@code NAME:KEY=VALUE:KEY=VALUE}
 * is read with a deprecation message that shows the new form.
 */
class StrategySpecSyntaxTest {
    @TempDir
    Path dir;

    private static List<StrategySpec> list(String text, List<String> warnings) {
        return StrategySpec.parseList(text, warnings::add);
    }

    @Test
    void aSpecIsANameWithCommaSeparatedOptions() {
        StrategySpec spec = StrategySpec.parse("zerolm:alpha-selection=fixed,alpha=0.3");
        assertEquals("zerolm", spec.name());
        assertEquals(Map.of("alpha-selection", "fixed", "alpha", "0.3"), spec.options());
        assertEquals(List.of("alpha-selection", "alpha"), List.copyOf(spec.options().keySet()), "the order written");
        assertEquals("zerolm:alpha-selection=fixed,alpha=0.3", spec.label());
        assertEquals("params", StrategySpec.parse(" params ").label());
    }

    @Test
    void aListSeparatesStrategiesWithSemicolonsOrCommasAndKeepsKeyValueItemsWithTheStrategyBefore() {
        List<String> warnings = new ArrayList<>();
        List<String> labels = list("zerolm:alpha-selection=benchmark-sampling,statistic=stable-rank,params,layers;"
                + "synthetic-fidelity:tokens=uniform", warnings).stream().map(StrategySpec::label).toList();
        assertEquals(List.of("zerolm:alpha-selection=benchmark-sampling,statistic=stable-rank", "params", "layers",
                "synthetic-fidelity:tokens=uniform"), labels);
        assertEquals(List.of(), warnings);
        assertEquals(List.of("a", "b"), list("a,,b;", warnings).stream().map(StrategySpec::label).toList());
        ConfigException empty = assertThrows(ConfigException.class, () -> list(" ; ", warnings));
        assertTrue(empty.getMessage().contains("names no strategy; expected NAME or NAME:KEY=VALUE,KEY=VALUE"),
                empty.getMessage());
    }

    @Test
    void theOldBenchmarkFormIsReadWithOneDeprecationLineShowingTheNewForm() {
        List<String> warnings = new ArrayList<>();
        List<StrategySpec> specs = list("zerolm:alpha-selection=benchmark-sampling:statistic=stable-rank,params", warnings);
        assertEquals("zerolm:alpha-selection=benchmark-sampling,statistic=stable-rank", specs.get(0).label());
        assertEquals(Map.of("alpha-selection", "benchmark-sampling", "statistic", "stable-rank"), specs.get(0).options());
        assertEquals("params", specs.get(1).label());
        assertEquals(List.of("strategy 'zerolm:alpha-selection=benchmark-sampling:statistic=stable-rank': separating"
                + " options with ':' is deprecated; write zerolm:alpha-selection=benchmark-sampling,statistic=stable-rank"),
                warnings);
        // a value may still hold a colon that does not start another KEY=VALUE
        assertEquals(Map.of("file", "djl://ai.djl/x"), StrategySpec.parse("s:file=djl://ai.djl/x").options());
    }

    @Test
    void aBadOptionNamesTheSpecAndTheFormToWrite() {
        ConfigException e = assertThrows(ConfigException.class, () -> StrategySpec.parse("zerolm:alpha"));
        assertEquals("strategy 'zerolm:alpha': option 'alpha' is not KEY=VALUE; write NAME:KEY=VALUE,KEY=VALUE",
                e.getMessage());
        assertThrows(ConfigException.class, () -> StrategySpec.parse(":alpha=1"));
    }

    @Test
    void theFlexibertLineupReadsTheSameSyntaxAndRefusesTheOldFormShowingTheNewOne() {
        PluginRegistry registry = PluginRegistry.discover(List.of());
        List<LineupEntry> lineup = StrategyLineup.resolve(List.of("test-params:factor=2", "layers"), registry, 1);
        assertEquals(List.of("test-params:factor=2", "layers"), lineup.stream().map(LineupEntry::label).toList());
        assertEquals(Map.of("factor", "2"), lineup.get(0).options());
        // the command line turns the old form into the new one first; anything else handing it over is refused
        ConfigException old = assertThrows(ConfigException.class,
                () -> StrategyLineup.resolve(List.of("test-params:factor=2:factor=3"), registry, 1));
        assertTrue(old.getMessage().endsWith("write test-params:factor=3"), old.getMessage());
        assertTrue(StrategyLineup.defaultSpecs(registry).stream().noneMatch(s -> s.indexOf(':') != s.lastIndexOf(':')),
                "the default lineup is written in the one syntax");
    }

    @Test
    void evaluatePrintsTheDeprecationOnStderrAndGoesOn() {
        CliRun run = CliRun.of("evaluate", "--strategy", "nope:a=1:b=2", "--out", dir.resolve("e").toString(), "--quiet");
        assertEquals(1, run.status(), run.out() + run.err());
        List<String> lines = run.err().strip().lines().toList();
        assertEquals(List.of("warning: strategy 'nope:a=1:b=2': separating options with ':' is deprecated; write"
                + " nope:a=1,b=2", "error: unknown scoring strategy 'nope'; available: " + ShippedStrategies.LISTED + "test-params"), lines);
    }
}
