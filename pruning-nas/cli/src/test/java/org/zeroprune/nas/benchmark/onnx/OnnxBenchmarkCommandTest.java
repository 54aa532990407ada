package org.zeroprune.nas.benchmark.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.RandomMasks;
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

    @Test
    void int8PutsEveryModelFloatAndInt8InOneTableWithSizesStsAndLangChain4jsInt8Model() throws Exception {
        BertCheckpoint dense = EmbeddedEncoder.checkpoint();
        Path pruned = Files.createDirectories(dir.resolve("p50").resolve("model"));
        PrunedModelExport.write(dense, RandomMasks.bernoulli(dense.config(), 0.5, 5), pruned,
                new ObjectMapper().createObjectNode(), ExportFormat.BOTH);
        Path sts = Files.writeString(dir.resolve("sts.tsv"), String.join("\n",
                "g\tx\ty\t1\t5.0\tA man is playing a guitar.\tA man plays the guitar.",
                "g\tx\ty\t2\t0.5\tA woman is slicing onions.\tThe stock market fell sharply today.",
                "g\tx\ty\t3\t3.0\tA dog runs in the park.\tA dog is running on the grass.",
                "g\tx\ty\t4\t1.0\tChildren are swimming.\tA man is cooking dinner.",
                "g\tx\ty\t5\t4.0\tTwo people are dancing.\tA couple dances.") + "\n");
        Path json = dir.resolve("int8.json");
        CliRun r = CliRun.of("benchmark", "onnx", "--int8", "--model", pruned.toString(), "--dense", "embedded",
                "--shapes", "1x8", "--threads", "1", "--runs", "2", "--sts", sts.toString(), "--langchain4j-int8",
                "--out", json.toString());
        assertEquals(0, r.status(), r.err());
        for (String row : List.of("| dense | float | 1.000 |", "| dense | int8 | 1.000 |", "| pruned p50 | float |",
                "| pruned p50 | int8 |", "| LangChain4j all-MiniLM-L6-v2-q | int8 |", "- pruned p50, 1x8: pruning gains")) {
            assertTrue(r.out().contains(row), row + " in " + r.out());
        }
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals(5, doc.get("rows").size());
        assertEquals(1.0, doc.at("/rows/0/cells/0/speedup").asDouble(), 1e-12);
        // the int8 files hold a quarter of the encoder's float bytes; the float embeddings keep them above a quarter
        assertTrue(doc.at("/rows/1/bytes").asLong() < 0.8 * doc.at("/rows/0/bytes").asLong(), doc.toString());
        for (JsonNode row : doc.get("rows")) {
            assertTrue(row.get("sts").asDouble() > 0 && row.at("/cells/0/ms").asDouble() > 0, row.toString());
        }
        assertFalse(doc.get("int8InstructionSet").asText().isEmpty());
    }
}
