package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/**
 * Files that change or hold less than a command expects: a checkpoint replaced since its ranking was made,
 * a model pruned down to nothing, a pruned {@code model.onnx} with an empty layer. Each is refused with one
 * line naming the file and what to do, or accepted with a named warning.
 */
class HostileFilesCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NO_LATENCY = {"--set", "output.measure-latency=false"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void tinyModel() throws Exception {
        new TinyBert().write(dir.resolve("tiny"));
        TokenizedTinyBert.write(dir.resolve("tokenized"), 32, 1);
    }

    private static Path copyOfTiny(String name) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        for (String file : new String[] {"config.json", "model.safetensors"}) {
            Files.copy(dir.resolve("tiny").resolve(file), copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    private static CliRun export(Path ranking, String out, String... extra) {
        String[] args = {"export", "--ranking", ranking.toString(), "--rank", "1", "--reconstruct", "none", "--format",
            "safetensors", "--out", dir.resolve(out).toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void aCheckpointReplacedSinceThePruneIsRefusedByExportNamingBothHashes() throws Exception {
        Path model = copyOfTiny("replaced");
        CliRun pruned = CliRun.prune(model, dir.resolve("replaced-run"), NO_LATENCY);
        assertEquals(0, pruned.status(), pruned.err());
        Path ranking = dir.resolve("replaced-run/ranking.json");
        String recorded = JSON.readTree(ranking.toFile()).path("modelHash").asText();
        assertEquals(64, recorded.length(), "ranking.json records the model's content hash");

        TinyBert other = new TinyBert();
        other.seed = 7; // the same shapes, other weights
        other.write(model);
        CliRun refused = export(ranking, "refused");
        refused.assertOneLineError(ranking + " was made from a model with modelHash " + recorded + ", but checkpoint "
                + model.toAbsolutePath());
        assertTrue(refused.err().contains("run prune again on it, or pass --allow-model-change"), refused.err());
        assertFalse(Files.exists(dir.resolve("refused")));

        CliRun allowed = export(ranking, "allowed", "--allow-model-change");
        assertEquals(0, allowed.status(), allowed.err());
        assertTrue(allowed.err().contains("warning: " + ranking + " was made from a model with modelHash " + recorded),
                allowed.err());
    }

    @Test
    void aRankingWithoutAModelHashIsExportedWithAWarning() throws Exception {
        CliRun pruned = CliRun.prune(dir.resolve("tiny"), dir.resolve("old-run"), NO_LATENCY);
        assertEquals(0, pruned.status(), pruned.err());
        Path ranking = dir.resolve("old-run/ranking.json");
        ObjectNode doc = (ObjectNode) JSON.readTree(ranking.toFile());
        doc.remove("modelHash");
        Path old = dir.resolve("old-ranking.json");
        JSON.writeValue(old.toFile(), doc);
        CliRun r = export(old, "old-export");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: " + old + " records no modelHash (written by an older zeroprune)"), r.err());
    }

    @Test
    void rePruningAModelWithNothingLeftIsRefusedNamingIt() throws Exception {
        Path empty = dir.resolve("empty-run");
        CliRun first = CliRun.prune(dir.resolve("tokenized"), empty, "--flops", "1e-9", "--format", "safetensors", NO_LATENCY[0],
                NO_LATENCY[1]);
        assertEquals(0, first.status(), first.err());
        // synthetic-fidelity (the default) runs the model: it used to fail with an internal error from the autograd
        CliRun again = CliRun.of("prune", "--model", empty.resolve("model").toString(), "--out",
                dir.resolve("again").toString(), "--quiet");
        again.assertOneLineError("nothing left to prune: checkpoint " + empty.resolve("model").toAbsolutePath()
                + " has no attention head and no FFN neuron in any of its 2 layers");
        CliRun evaluated = CliRun.of("evaluate", "--model", empty.resolve("model").toString(), "--strategy", "params", "--out",
                dir.resolve("again-evaluated").toString(), "--quiet");
        evaluated.assertOneLineError("nothing left to prune: checkpoint " + empty.resolve("model").toAbsolutePath());
    }

    @Test
    void aRerankFromAnExportRankNamesWhatItReconstructedAndWhatItExported() {
        CliRun r = CliRun.of("prune", "--model", dir.resolve("tokenized").toString(), "--strategy", "test-params",
                "--search", "random", "--candidates", "6", "--export-rank", "5", "--reconstruct", "scales", "--set",
                "reconstruct.rerank=4", "--set", "reconstruct.sequences=16", "--format", "safetensors", "--out",
                dir.resolve("rerank").toString(), "--quiet", NO_LATENCY[0], NO_LATENCY[1]);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: reconstruct.rerank is 4 (ranks 5 to 8, from output.export-rank 5), but the"
                + " ranking ends at rank 6: only ranks 5 to 6 were reconstructed"), r.err());
        assertTrue(r.out().contains("  rerank     ranks 5 to 6 reconstructed; rank "), r.out());
    }
}
