package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.spi.InvalidOptionException;

/**
 * The evolutionary search screened by a cheaper form of {@code synthetic-fidelity} ({@code search.screen}),
 * on the embedded model: what it ranks, that the ranked scores are the full strategy's, and when
 * {@code auto} screens.
 */
class ScreenedSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode prune(String name, int candidates, int shortlist, String screen) throws Exception {
        Path out = dir.resolve(name);
        ZeroPrune.prune(ZeroPrune.config().strategy("synthetic-fidelity").flops(0.6).seed(3)
                .set("search.candidates", Integer.toString(candidates)).set("search.population", "16")
                .set("search.shortlist", Integer.toString(shortlist)).set("search.screen", screen)
                .set("search.neuron-block", "256").set("output.export", "false").output(out.toString()).build());
        return JSON.readTree(out.resolve("ranking.json").toFile());
    }

    @Test
    void autoHalvesTheSequencesAndRanksTheShortlistOnly() throws Exception {
        JsonNode ranking = prune("auto", 48, 8, "auto");
        assertEquals("synthetic-fidelity:sequences=16", ranking.at("/search/screening").asText(), ranking.get("search").toString());
        assertEquals(8, ranking.at("/search/shortlist").asInt());
        assertEquals(8, ranking.get("candidates").size());
    }

    @Test
    void autoScreensNothingInASearchOfFewerThanFourCandidatesPerShortlistedOne() throws Exception {
        JsonNode ranking = prune("small", 30, 8, "auto");
        assertTrue(ranking.at("/search/screening").isMissingNode(), ranking.get("search").toString());
        assertEquals(30, ranking.get("candidates").size());
    }

    @Test
    void rankedScoresAreTheFullStrategysWhateverScreenedThem() throws Exception {
        // every screened candidate is shortlisted, so both runs score their shared first population in full
        JsonNode plain = prune("off", 32, 32, "off");
        JsonNode screened = prune("screened", 32, 32, "sequences=2");
        assertEquals("synthetic-fidelity:sequences=2", screened.at("/search/screening").asText());
        Map<String, Double> full = scoresByMask(plain);
        int shared = 0;
        for (JsonNode c : screened.get("candidates")) {
            Double expected = full.get(c.get("masks").toString());
            if (expected != null) {
                assertEquals(expected, c.get("score").asDouble(), 0.0, c.get("masks").toString());
                shared++;
            }
        }
        // the first population (16) is drawn before any score steers the search
        assertTrue(shared >= 16, "candidates in both runs: " + shared);
    }

    @Test
    void aScreenThatIsNotAutoOffOrOptionsIsRefusedByKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> prune("bad", 48, 8, "sixteen"));
        assertTrue(e.getMessage().contains("search.screen") && e.getMessage().contains("sixteen"), e.getMessage());
    }

    @Test
    void aScreenOptionTheStrategyDoesNotDeclareIsRefusedBeforeTheModelLoads() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> prune("unknown", 48, 8, "colour=red"));
        assertTrue(e.getMessage().contains("colour"), e.getMessage());
        assertFalse(dir.resolve("unknown").resolve("ranking.json").toFile().exists());
    }

    @Test
    void anExportRankBeyondTheShortlistIsRefusedBeforeTheSearch() {
        ConfigException e = assertThrows(ConfigException.class, () -> ZeroPrune.prune(ZeroPrune.config()
                .strategy("synthetic-fidelity").set("search.candidates", "48").set("search.shortlist", "8")
                .set("output.export-rank", "9").output(dir.resolve("rank").toString()).build()));
        assertTrue(e.getMessage().contains("output.export-rank") && e.getMessage().contains("shortlist of 8"),
                e.getMessage());
        assertFalse(dir.resolve("rank").toFile().exists());
    }

    private static Map<String, Double> scoresByMask(JsonNode ranking) {
        Map<String, Double> out = new HashMap<>();
        for (JsonNode c : ranking.get("candidates")) {
            out.put(c.get("masks").toString(), c.get("score").asDouble());
        }
        return out;
    }
}
