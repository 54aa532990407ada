package org.zeroprune.nas.benchmark.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.export.PrunedModelExport;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/** {@code benchmark onnx} times every shape and thread count asked for and reports the MACs ratio (no timing asserted). */
class OnnxBenchmarkCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyShapeAndThreadCountGetsARow() throws Exception {
        Path dense = new TinyBert().write(dir.resolve("dense"));
        Path pruned = Files.createDirectory(dir.resolve("pruned"));
        PruningMask half = PruningMask.of(List.of(UnitSet.firstN(4, 2), UnitSet.firstN(4, 2)),
                List.of(UnitSet.firstN(24, 12), UnitSet.firstN(24, 12)));
        PrunedModelExport.write(BertCheckpoint.read(dense), half, pruned, new ObjectMapper().createObjectNode(),
                ExportFormat.BOTH);
        Path json = dir.resolve("bench.json");
        CliRun r = CliRun.of("benchmark", "onnx", "--model", pruned.toString(), "--dense", dense.toString(), "--shapes",
                "1x8,2x16", "--threads", "1,2", "--runs", "2", "--out", json.toString());
        assertEquals(0, r.status(), r.err());
        for (String row : List.of("| 1 x 8 | 1 |", "| 1 x 8 | 2 |", "| 2 x 16 | 1 |", "| 2 x 16 | 2 |")) {
            assertTrue(r.out().contains(row), r.out());
        }
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(4, doc.get("cells").size());
        // half the heads and neurons of every layer: the MACs at 8 tokens are exactly half
        assertEquals(0.5, doc.get("macsRatio").asDouble(), 1e-12);
        assertTrue(doc.at("/cells/3/prunedMs").asDouble() > 0);

        CliRun bad = CliRun.of("benchmark", "onnx", "--model", pruned.toString(), "--dense", dense.toString(), "--shapes", "8");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("--shapes: '8'; expected BATCHxTOKENS, e.g. 8x128"), bad.err());
    }
}
