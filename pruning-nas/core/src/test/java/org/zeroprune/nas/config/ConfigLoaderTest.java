package org.zeroprune.nas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.search.BudgetKind;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsPruneTheEmbeddedModelAtSixtyPercentFlops() {
        PruneConfig c = ConfigLoader.load(Optional.empty(), Map.of());
        assertEquals("embedded", c.model());
        assertEquals(BudgetKind.FLOPS, c.budgetKind());
        assertEquals(0.6, c.budgetRatio());
        assertEquals("synthetic-fidelity", c.scoring().strategy());
        assertEquals("evolutionary", c.search().strategy());
        assertEquals("perturbation", c.search().screening());
        assertEquals("out", c.output().dir());
    }

    @Test
    void aFileAndOverridesLayerOverTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                budget:
                  params: 0.5
                search:
                  strategy: evolutionary
                  seed: 3
                scoring:
                  strategy: zerolm
                  options:
                    alpha: 0.25
                """);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("search.seed", "9");
        overrides.put("scoring.options.statistic", "stable-rank");
        PruneConfig c = ConfigLoader.load(Optional.of(file), overrides);
        assertEquals(BudgetKind.PARAMS, c.budgetKind());
        assertEquals(Map.of(BudgetKind.PARAMS, 0.5), c.budget().ratios());
        assertEquals(9, c.search().seed());
        assertEquals("evolutionary", c.search().strategy());
        assertEquals(Map.of("alpha", "0.25", "statistic", "stable-rank"), c.scoring().options());
        PruneConfig json = ConfigLoader.load(Optional.of(Files.writeString(dir.resolve("c.json"),
                "{\"budget\": {\"latency\": 0.7}}")), Map.of("budget.flops", "0.4"));
        assertEquals(BudgetKind.FLOPS, json.budgetKind());
        assertEquals(0.4, json.budgetRatio());
    }

    @Test
    void unknownKeysWrongTypesAndOutOfRangeValuesAreNamed() throws Exception {
        assertMessage(Map.of("search.seeed", "1"), "unknown key 'search.seeed'", "known keys in 'search'");
        assertMessage(Map.of("search.seed", "abc"), "key 'search.seed' is 'abc'; expected an integer");
        assertMessage(Map.of("search.seed", "-1"), "key 'search.seed' is '-1'; expected a non-negative integer");
        assertMessage(Map.of("budget.flops", "0"), "key 'budget.flops' is '0.0'; expected a ratio in (0, 1]");
        assertMessage(Map.of("budget.flops", "1.5"), "expected a ratio in (0, 1]");
        assertMessage(Map.of("search.strategy", "annealing"), "expected one of random, evolutionary");
        assertMessage(Map.of("search.unit-selection", "random", "search.unit-importance", "fisher"),
                "key 'search.unit-importance' is 'fisher'; expected empty when search.unit-selection is random");
        assertMessage(Map.of("output.masks", "bits"), "key 'output.masks' is 'bits'; expected ranges or order");
        assertMessage(Map.of("output.format", "pt"), "key 'output.format' is 'pt'; expected both, safetensors, onnx, hf-padded");
        assertMessage(Map.of("output.quantize", "int4"), "key 'output.quantize' is 'int4'; expected none, int8");
        assertMessage(Map.of("output.quantize", "int8", "output.format", "safetensors"),
                "key 'output.quantize' is 'int8'; expected none when output.format is safetensors");
        assertMessage(Map.of("output.reduce-range", "true"),
                "key 'output.reduce-range' is 'true'; expected false unless output.quantize is int8");
        assertMessage(Map.of("output.masks", "order", "search.unit-selection", "random"),
                "key 'output.masks' is 'order'; expected ranges when search.unit-selection is random");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "search: [1, 2\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(bad), Map.of()));
        assertTrue(e.getMessage().startsWith(bad + ": not valid YAML or JSON"), e.getMessage());
        Path types = Files.writeString(dir.resolve("types.yaml"), "search:\n  candidates: many\n");
        ConfigException t = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(types), Map.of()));
        assertTrue(t.getMessage().contains(types + ": key 'search.candidates' is 'many'"), t.getMessage());
    }

    @Test
    void reconstructionSettingsAreCheckedByName() {
        PruneConfig c = ConfigLoader.load(Optional.empty(), Map.of());
        assertEquals("none", c.reconstruct().level());
        assertEquals("auto", c.reconstruct().calibration());
        assertMessage(Map.of("reconstruct.level", "full"), "reconstruct.level", "full",
                "none, scales, refit, tune or distill");
        assertMessage(Map.of("reconstruct.distill.learning-rate", "0"), "reconstruct.distill.learning-rate", "(0, 1]");
        assertMessage(Map.of("reconstruct.distill.tokens", "0"),
                "reconstruct.distill", "at least one of relational, pooled, tokens and layers above 0");
        assertMessage(Map.of("reconstruct.distill.layers", "-1"), "reconstruct.distill.layers", "0..1000");
        assertMessage(Map.of("reconstruct.calibration", "corpus"), "reconstruct.calibration",
                "unless scoring.corpus names a corpus");
        assertMessage(Map.of("reconstruct.steps", "0"), "reconstruct.steps", "1..100000");
        assertEquals("corpus", ConfigLoader.load(Optional.empty(), Map.of("reconstruct.calibration", "corpus",
                "scoring.corpus", "builtin")).reconstruct().calibration());
    }

    @Test
    void aScalarWhereASectionBelongsNamesTheSectionNotOneOfItsKeys() throws Exception {
        // `search: evolutionary` used to blame search.seed, a key the file never wrote
        assertFileMessage("search: evolutionary\n", "key 'search' is 'evolutionary'; expected a section (a mapping of"
                + " settings) with the keys candidates, min-heads,", "strategy, tournament, unit-importance, unit-selection");
        assertFileMessage("budget: 0.5\n", "key 'budget' is '0.5'; expected a section", "flops, latency, latency-batch, params");
        assertFileMessage("reconstruct:\n  distill: [1]\n", "key 'reconstruct.distill' is [1]; expected a section");
        // an option given beside the file does not hide it (it would replace the scalar with a section of its own)
        Path file = Files.writeString(dir.resolve("scalar.yaml"), "search: evolutionary\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(Optional.of(file), Map.of("search.strategy", "random")));
        assertTrue(e.getMessage().startsWith(file + ": key 'search' is 'evolutionary'"), e.getMessage());
    }

    @Test
    void numbersBeyondTheirTypeEmptyKeysAndNumbersForYesOrNoAreNamed() throws Exception {
        assertMessage(Map.of("search.seed", "18446744073709551615"), "command line: key 'search.seed' is"
                + " '18446744073709551615', out of range: expected an integer no larger than 9223372036854775807");
        assertMessage(Map.of("search.candidates", "3000000000"),
                "key 'search.candidates' is '3000000000', out of range: expected an integer no larger than 2147483647");
        assertMessage(Map.of("search.min-heads", "-3000000000"), "no smaller than -2147483648");
        assertFileMessage("search:\n  seed: 18446744073709551615\n", "key 'search.seed' is '18446744073709551615', out of"
                + " range");
        assertMessage(Map.of("output.overwrite", "3"), "key 'output.overwrite' is '3'; expected true or false");
        assertFileMessage("scoring:\n  options:\n    alpha:\n", "key 'scoring.options.alpha' is empty; expected a value");
        assertFileMessage("plugins: [null]\n", "key 'plugins[0]' is empty");
        assertFileMessage("model:\n", "key 'model' is empty");
    }

    private void assertFileMessage(String yaml, String... fragments) throws Exception {
        Path file = Files.writeString(dir.resolve("shape.yaml"), yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.of(file), Map.of()));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }

    private static void assertMessage(Map<String, String> overrides, String... fragments) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(Optional.empty(), overrides));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
