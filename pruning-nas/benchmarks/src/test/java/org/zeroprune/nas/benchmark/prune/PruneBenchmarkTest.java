package org.zeroprune.nas.benchmark.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.spi.context.ProgressListener;

/** {@code benchmark prune}: both recipes of a default path in one run, in turn, with medians. */
class PruneBenchmarkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runsBothRecipesInTurnAndReportsMedians() throws Exception {
        ObjectNode report = new PruneBenchmark(dir, List.of(PruneRow.EMBEDDED, PruneRow.EMBEDDED_PREVIOUS), "zerolm",
                OptionalInt.of(12), "auto", "ranges", OptionalDouble.of(0.5), 2, List.of(), ProgressListener.NONE).run();
        JsonNode rows = report.get("rows");
        assertEquals(2, rows.size());
        for (JsonNode row : rows) {
            assertEquals(2, row.get("runs").asInt(), row.toString());
            assertEquals(2, row.get("runTotals").size());
            assertTrue(row.get("budget").asText().contains("0.5"), row.get("budget").asText());
            assertTrue(row.has("onnxLatency"), row.toString());
        }
        // the previous recipe timed PyTorch as well; today's times model.onnx in ONNX Runtime only
        assertTrue(!rows.get(0).has("latency") && rows.get(1).has("latency"), rows.toString());
        String table = PruneBenchmarkTable.format(report);
        assertTrue(table.contains("| seconds (median) | embedded | embedded-previous |"), table);
        assertTrue(table.contains("median of 2 runs"), table);
    }

    @Test
    void theMedianOfARowIsTakenPhaseByPhase() {
        List<ObjectNode> runs = List.of(run(10, 4, 1), run(30, 2, 3), run(20, 6, 2));
        ObjectNode median = PruneBenchmark.medianOf(runs);
        assertEquals(20, median.get("totalSeconds").asDouble());
        assertEquals(4, median.at("/phaseSeconds/search").asDouble());
        assertEquals(2, median.at("/phaseSeconds/export").asDouble());
        assertEquals(600 / 4.0, median.get("candidatesPerSecond").asDouble());
        assertEquals("[10.0,30.0,20.0]", median.get("runTotals").toString());
    }

    private static ObjectNode run(double total, double search, double export) {
        ObjectNode r = JSON.createObjectNode();
        r.put("totalSeconds", total);
        r.put("searched", 600);
        r.put("candidates", 64);
        r.putObject("phaseSeconds").put("search", search).put("export", export);
        return r;
    }
}
