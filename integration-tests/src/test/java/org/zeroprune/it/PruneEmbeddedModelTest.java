package org.zeroprune.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;

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

    /** What {@code ./zeroprune prune} runs: evolutionary search scored by synthetic-fidelity, units by its importance. */
    @Test
    void theDefaultsPruneTheEmbeddedModelWithTheDataFreeScore() throws Exception {
        Path out = dir.resolve("defaults");
        var result = ZeroPrune.prune(ZeroPrune.config().set("plugins", "[" + Plugins.directory() + "]")
                .set("output.measure-latency", "false").output(out.toString()).build());
        JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
        assertEquals("synthetic-fidelity", ranking.at("/scoring/strategy").asText());
        assertEquals("evolutionary", ranking.at("/search/strategy").asText());
        assertEquals("importance of synthetic-fidelity", ranking.at("/search/unitOrder").asText());
        assertEquals(600, ranking.get("candidates").size());
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
    }
}
