package org.zeroprune.nas.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkContext$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.cli.Main;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/**
 * {@code evaluate --engine spark --master local[2]}: the candidates' fidelity and every strategy's
 * scores measured on executors give the numbers of {@code evaluation.json} of the local run, the
 * labelled samples and calibration text travelling in the recipes, and the checkpoint shipped to the
 * executors by Spark ({@code engine.files: ship}). The engine starts its own context here (none is
 * active) and stops it when the run ends.
 */
class SparkEvaluateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void evaluationNumbersAreTheLocalRunsNumbers() throws Exception {
        Path checkpoint = TokenizedTinyBert.write(dir.resolve("tiny-bert"), 64, 5);
        JsonNode local = evaluate(checkpoint, "local");
        JsonNode distributed = evaluate(checkpoint, "spark");
        assertTrue(SparkContext$.MODULE$.getActive().isEmpty(), "the engine stopped the context it started");
        assertTrue(local.at("/fidelitySeconds").asDouble() > 0, "measured, not read from a cache");
        assertTrue(distributed.at("/fidelitySeconds").asDouble() > 0, "measured, not read from a cache");
        assertEquals(3, local.get("strategies").size());
        assertNotEquals(local.at("/candidateList/0/fidelity"), local.at("/candidateList/1/fidelity"));
        assertEquals(withoutTimes(local), withoutTimes(distributed));
    }

    /** evaluation.json of a run on {@code engine}, with a cache of its own so that fidelity is measured. */
    private JsonNode evaluate(Path checkpoint, String engine) throws Exception {
        Path out = dir.resolve("evaluation-" + engine);
        String cache = System.getProperty("zeroprune.cache");
        System.setProperty("zeroprune.cache", Files.createDirectories(dir.resolve("cache-" + engine)).toString());
        try {
            // zerolm-free lineup: synthetic-fidelity runs the model, fisher reads calibration text, params the labels' sizes
            int code = Main.run("evaluate", "--model", checkpoint.toString(), "--strategy",
                    "synthetic-fidelity,fisher,params", "--candidates", "12", "--labelled", "3", "--flops", "0.6",
                    "--seed", "4", "--engine", engine, "--master", "local[2]", "--set", "engine.files=ship", "--out",
                    out.toString(), "--quiet");
            assertEquals(0, code, engine);
        } finally {
            if (cache == null) {
                System.clearProperty("zeroprune.cache");
            } else {
                System.setProperty("zeroprune.cache", cache);
            }
        }
        return JSON.readTree(out.resolve("evaluation.json").toFile());
    }

    private static JsonNode withoutTimes(JsonNode evaluation) {
        ObjectNode copy = evaluation.deepCopy();
        copy.remove("fidelitySeconds");
        copy.remove("seconds");
        copy.withArray("strategies").forEach(s -> ((ObjectNode) s).remove(java.util.List.of("prepareSeconds",
                "scoreMillisPerCandidate")));
        return copy;
    }
}
