package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.spi.context.ProgressListener;

/**
 * Runs the harness on the shared FlexiBERT data with one seed: a class-path plugin strategy
 * ({@code test-params}, through the registry), a test-scope strategy that reads weights and the
 * sampler (through {@code RegisteredStrategy.create}), the layer-count baseline and one variant that
 * fits α on the labelled sample. No threshold on the correlations: the test checks the structure of
 * the results and that they repeat exactly, whatever the number of threads.
 */
class FlexiBertBenchmarkTest {
    private static final long SEED = 5;
    private static List<BenchmarkRecord> records;
    private static FlexiSearchSpace space;
    private static Path data;

    @BeforeAll
    static void load() {
        Optional<Path> found = SharedData.benchmark();
        assumeTrue(found.isPresent(), "the shared FlexiBERT data (" + SharedData.RELATIVE
                + " relative to the repository root) is absent; skipping the benchmark run");
        data = found.get();
        records = BenchmarkReader.read(data);
        space = FlexiSearchSpace.read(data.resolveSibling("search_space.json"));
    }

    private static List<LineupEntry> lineup() {
        PluginRegistry registry = PluginRegistry.discover(List.of());
        List<LineupEntry> strategies = new ArrayList<>(StrategyLineup.resolve(
                List.of("test-params:factor=2", "layers", "variant-log-relative"), registry, 1));
        RegisteredStrategy own = new RegisteredStrategy(new CapacitySumTestProvider(), "test scope");
        strategies.add(new LineupEntry(own.name(), LineupEntry.Kind.PLUGIN, own.source(), Map.of(),
                Integer.MAX_VALUE, () -> own.create(Map.of())));
        return strategies;
    }

    private static BenchmarkReport run(int threads) {
        BenchmarkSettings settings = new BenchmarkSettings(List.of(SEED), 50, threads,
                BenchmarkSettings.DEFAULT_SEQUENCE_LENGTH, true);
        return new FlexiBertBenchmark(data.toString(), records, space, settings, ProgressListener.NONE).run(lineup());
    }

    @Test
    void theHarnessReportsEveryStrategyAndRepeatsExactly() {
        assertEquals(500, records.size());
        BenchmarkReport first = run(2);
        BenchmarkReport second = run(1);

        JsonNode json = ReportJson.of(first);
        assertEquals(500, json.get("architectures").asInt());
        assertEquals(450, json.get("settings").get("heldOut").asInt());
        assertEquals(0.53, json.get("published").get("zerolm").get("kendallTau").asDouble());
        assertEquals(0.68, json.get("published").get("layers").get("kendallTau").asDouble());
        JsonNode strategies = json.get("strategies");
        assertEquals(4, strategies.size());
        List<String> labels = new ArrayList<>();
        for (JsonNode s : strategies) {
            labels.add(s.get("label").asText());
            for (String key : List.of("kendallTauAll", "spearmanRhoAll", "kendallTauHeldOut", "spearmanRhoHeldOut")) {
                JsonNode summary = s.get("summary").get(key);
                assertTrue(summary.get("mean").isNumber(), s.get("label") + " " + key);
                assertEquals(1, summary.get("seeds").asInt());
                double value = s.get("seeds").get(0).get(key).asDouble();
                assertTrue(value >= -1 && value <= 1, key + " = " + value);
            }
            JsonNode seed = s.get("seeds").get(0);
            assertEquals(SEED, seed.get("seed").asLong());
            assertEquals(500, seed.get("scores").size());
            assertTrue(seed.get("totalSeconds").asDouble() >= seed.get("scoreSeconds").asDouble());
        }
        assertEquals(List.of("test-params:factor=2", "layers", "variant-log-relative", "test-capacity-sum"), labels);
        assertEquals("plugin", strategies.get(0).get("kind").asText());
        assertEquals("baseline", strategies.get(1).get("kind").asText());
        assertEquals("variant", strategies.get(2).get("kind").asText());
        assertTrue(strategies.get(2).get("seeds").get(0).get("alpha").isNumber(), "the variant reports its α");
        assertTrue(strategies.get(0).get("seeds").get(0).get("alpha").isNull(), "test-params has no α");
        assertTrue(strategies.get(3).get("seeds").get(0).get("details").get("sampled-params").asDouble() > 0);

        JsonNode pass = json.get("passes").get(0);
        assertEquals(50, pass.get("alphaSampleIds").size());
        HashSet<Integer> ids = new HashSet<>();
        pass.get("alphaSampleIds").forEach(id -> ids.add(id.asInt()));
        assertEquals(50, ids.size());
        assertTrue(json.get("wallSeconds").asDouble() > 0);

        for (int s = 0; s < first.strategies().size(); s++) {
            SeedOutcome a = first.strategies().get(s).seeds().get(0);
            SeedOutcome b = second.strategies().get(s).seeds().get(0);
            String label = first.strategies().get(s).strategy().label();
            assertArrayEquals(a.scores(), b.scores(), label);
            assertEquals(a.all(), b.all(), label);
            assertEquals(a.heldOut(), b.heldOut(), label);
            assertEquals(Double.doubleToLongBits(a.alpha()), Double.doubleToLongBits(b.alpha()), label);
        }
        assertEquals(first.passes().get(0).alphaSampleIds(), second.passes().get(0).alphaSampleIds());

        String table = ReportTable.of(first);
        assertTrue(table.contains("tau held-out") && table.contains("variant-log-relative"), table);
        assertTrue(table.contains("tau 0.68 rho 0.83"), table);
    }

    @Test
    void labelledSamplesRebuildTheSameWeightsAsTheBenchmarkPass() {
        BenchmarkRecord record = records.get(17);
        LabelledArchitecture labelled = new LabelledArchitecture(record, SEED, 128);
        float[] fromSample = firstMatrix(labelled.model());
        float[] fromPass = firstMatrix(ArchitectureModelBuilder.withGaussianWeights(FlexiBertBenchmark.modelName(record),
                record.architecture(), WeightSeeds.architecture(SEED, record.id())));
        assertArrayEquals(fromPass, fromSample);
        assertEquals(record.glue(), labelled.quality());
        assertFalse(java.util.Arrays.equals(fromSample,
                firstMatrix(new LabelledArchitecture(record, SEED + 1, 128).model())));
    }

    private static float[] firstMatrix(org.zeroprune.spi.model.ModelView model) {
        var w = model.layer(0).attention().matrices().get(0);
        float[] out = new float[w.rows() * w.cols()];
        w.data().get(out);
        return out;
    }
}
