package org.zeroprune.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
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
        var result = ZeroPrune.prune(ZeroPrune.config().strategy(strategy)
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
}
