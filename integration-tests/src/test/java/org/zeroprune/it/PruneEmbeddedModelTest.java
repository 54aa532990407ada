package org.zeroprune.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;

/** {@code prune} on the embedded model with every strategy of the plugin jar, changing only the strategy's name. */
class PruneEmbeddedModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zerolm", "params", "flops", "magnitude", "random"})
    void everyStrategyPrunesTheEmbeddedModelWithinTheBudget(String strategy) throws Exception {
        Path out = dir.resolve(strategy);
        var result = ZeroPrune.prune(ZeroPrune.config().strategy(strategy).set("search.strategy", "random")
                .set("plugins", "[" + Plugins.directory() + "]").set("search.candidates", "200")
                // latency (PyTorch and ONNX Runtime, about 20 s a run) is covered once, by PruneJobTest
                .set("output.measure-latency", "false")
                // reconstruction is the default path's, below; here the strategies' own picks are exported as cut
                .reconstruct(ReconstructionLevel.NONE)
                .output(out.toString()).build());
        JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
        assertEquals(strategy, ranking.at("/scoring/strategy").asText());
        long limit = (long) (0.6 * ranking.at("/dense/macs").asLong());
        assertEquals(200, ranking.get("candidates").size());
        for (JsonNode c : ranking.get("candidates")) {
            assertTrue(c.get("macs").asLong() <= limit, strategy + ": " + c.get("macs") + " > " + limit);
        }
        BertCheckpoint exported = BertCheckpoint.read(out.resolve("model"));
        assertEquals(ranking.at("/candidates/0/totalParams").asLong(), exported.parameterCount());
        assertEquals(result.best().score(), ranking.at("/candidates/0/score").asDouble());
    }

    /** {@code search.unit-importance} takes the unit order from another strategy: the same masks as that strategy's own. */
    @Test
    void anotherStrategysUnitImportanceOrdersTheUnits() throws Exception {
        Set<String> masks = new HashSet<>();
        for (String[] run : new String[][] {{"params", "magnitude"}, {"magnitude", ""}}) {
            Path out = dir.resolve("order-" + run[0]);
            ZeroPrune.prune(ZeroPrune.config().strategy(run[0]).set("search.strategy", "random").seed(3)
                    .set("search.unit-selection", "importance").set("search.unit-importance", run[1])
                    .set("plugins", "[" + Plugins.directory() + "]").set("search.candidates", "40")
                    .set("output.export", "false").output(out.toString()).build());
            JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
            assertEquals("importance of magnitude", ranking.at("/search/unitOrder").asText());
            Set<String> these = new HashSet<>();
            ranking.get("candidates").forEach(c -> these.add(c.get("masks").toString()));
            assertEquals(40, these.size());
            if (!masks.isEmpty()) {
                assertEquals(masks, these, "scored by params with magnitude's unit order, or by magnitude itself");
            }
            masks = these;
        }
        ConfigException e = assertThrows(ConfigException.class, () -> ZeroPrune.prune(ZeroPrune.config()
                .strategy("params").set("search.unit-importance", "fisher").set("plugins", "[" + Plugins.directory() + "]")
                .output(dir.resolve("no-corpus").toString()).build()));
        assertTrue(e.getMessage().contains("'fisher' is data-driven and needs calibration text"), e.getMessage());
    }

    /**
     * What {@code ./zeroprune prune} runs: evolutionary search screened and scored by synthetic-fidelity, units by its
     * importance.
     */
    @Test
    void theDefaultsPruneTheEmbeddedModelWithTheDataFreeScore() throws Exception {
        Path out = dir.resolve("defaults");
        var result = ZeroPrune.prune(ZeroPrune.config().set("plugins", "[" + Plugins.directory() + "]")
                .set("output.measure-latency", "false").output(out.toString()).build());
        JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
        assertEquals("synthetic-fidelity", ranking.at("/scoring/strategy").asText());
        assertEquals("evolutionary", ranking.at("/search/strategy").asText());
        assertEquals("importance of synthetic-fidelity", ranking.at("/search/unitOrder").asText());
        // 600 candidates screened on 16 of the 32 sequences; the best 64 scored on all 32 rank
        assertEquals(600, ranking.at("/search/requested").asInt());
        assertEquals("synthetic-fidelity:sequences=16", ranking.at("/search/screening").asText());
        assertEquals(64, ranking.get("candidates").size());
        long limit = (long) (0.6 * ranking.at("/dense/macs").asLong());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode c : ranking.get("candidates")) {
            assertTrue(c.get("macs").asLong() <= limit, c.get("macs") + " > " + limit);
            double score = c.get("score").asDouble();
            assertTrue(score <= previous && score > 0 && score <= 1, "a cosine similarity, best first: " + score);
            previous = score;
        }
        assertEquals(ranking.at("/candidates/0/totalParams").asLong(),
                BertCheckpoint.read(out.resolve("model")).parameterCount());
        assertEquals(result.best().score(), ranking.at("/candidates/0/score").asDouble());
        // the default exports the plain cut: nothing is rebuilt without text to rebuild from
        JsonNode rebuilt = JSON.readTree(out.resolve("summary.json").toFile()).get("reconstruction");
        assertEquals("none", rebuilt.get("level").asText(), rebuilt.toString());
    }
}
