package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.io.CacheRoot;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.PrivateCache;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/**
 * Hostile input from a tester's sweep: option values YAML used to reinterpret, messages that did not
 * say what was wrong, and settings that were accepted and then ignored.
 */
class HostileMessagesCliTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path randomBytes;

    @RegisterExtension
    PrivateCache cache = new PrivateCache();

    @BeforeAll
    static void files() throws Exception {
        model = new TinyBert().write(dir.resolve("tiny"));
        byte[] bytes = new byte[2048];
        new Random(3).nextBytes(bytes);
        bytes[0] = (byte) 0xa6;
        randomBytes = Files.write(dir.resolve("rnd.bin"), bytes);
    }

    private static CliRun prune(Path modelDir, String out, String... extra) {
        return CliRun.prune(modelDir, dir.resolve(out), extra);
    }

    private static void assertOneLineError(CliRun r, String expected) {
        r.assertOneLineError(expected);
    }

    @Test
    void pathOptionsAreTakenLiterallyNotAsYaml() {
        // relative names that do not exist: the error names them as typed (YAML made 0x10 into 16, 1e2 into 100.0)
        assertOneLineError(prune(Path.of("0x10"), "model"), "0x10: not found");
        assertOneLineError(prune(model, "sts", "--sts", "1e2"), "1e2: STS file not found");
        assertOneLineError(prune(model, "corpus", "--corpus", "007", "--set", "output.measure-fidelity=true"),
                "007: not found");
        // null, ~ and &x unset the key ("key 'output.dir' is missing"); now they are folders, and the next check speaks
        for (String out : List.of("null", "~", "&x")) {
            assertOneLineError(CliRun.of("prune", "--model", model.toString(), "--out", out, "--export-rank", "99999",
                    "--candidates", "10"), "key 'output.export-rank' is '99999'");
            assertOneLineError(CliRun.of("prune", "--model", model.toString(), "--set", "output.dir=" + out,
                    "--export-rank", "99999", "--candidates", "10"), "key 'output.export-rank' is '99999'");
        }
    }

    @Test
    void filesThatAreNotUtf8TextSaySo() {
        assertOneLineError(prune(model, "c1", "--config", randomBytes.toString()), randomBytes + ": not UTF-8 text");
        assertOneLineError(prune(model, "s1", "--sts", randomBytes.toString()), randomBytes + ": not UTF-8 text");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineWithItsPlace() throws Exception {
        Path tab = Files.writeString(dir.resolve("tab.yaml"), "search:\n\tseed: 1\n");
        assertOneLineError(prune(model, "c2", "--config", tab.toString()), "(line 2, column 1)");
    }

    @Test
    void directoriesAreNotCalledMissing() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.onnx"));
        assertOneLineError(prune(model, "d1", "--config", folder.toString()), folder + ": is a directory; expected a");
        assertOneLineError(prune(model, "d2", "--sts", folder.toString()), folder + ": is a directory; expected an STS");
        assertOneLineError(CliRun.of("export", "--ranking", folder.toString(), "--rank", "1", "--out",
                dir.resolve("d3").toString()),
                folder + ": is a directory; expected a file");
        assertOneLineError(CliRun.of("import-onnx", folder.toString(), "--out", dir.resolve("d4").toString()),
                folder + ": is a directory; expected a file");
        assertFalse(Files.exists(dir.resolve("d4")));
    }

    @Test
    void anEmptyConfigJsonSaysTheFileIsEmpty() throws Exception {
        Path empty = new TinyBert().write(dir.resolve("empty-config"));
        Files.writeString(empty.resolve("config.json"), "");
        assertOneLineError(prune(empty, "e1"), "config.json: the file is empty");
    }

    @Test
    void aPruneOutputAsModelPointsToItsModelFolder() throws Exception {
        CliRun first = prune(model, "src3");
        assertEquals(0, first.status(), first.err());
        Path src3 = dir.resolve("src3");
        assertOneLineError(prune(src3, "from-src3"), "it looks like a prune output: pass " + src3.resolve("model"));

        // masks removed from the ranking: the message said "found " and stopped
        Path ranking = src3.resolve("ranking.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(ranking.toFile());
        tree.withArray("candidates").forEach(c -> ((ObjectNode) c).remove("masks"));
        json.writeValue(ranking.toFile(), tree);
        assertOneLineError(CliRun.of("export", "--ranking", ranking.toString(), "--rank", "1", "--reconstruct", "none",
                "--out", dir.resolve("no-masks").toString()), "found nothing (the key is missing)");
    }

    @Test
    void aNegativeLabelledCountHasItsOwnMessage() {
        assertOneLineError(CliRun.of("evaluate", "--model", model.toString(), "--strategy", "test-params", "--labelled",
                "-1", "--candidates", "10", "--out", dir.resolve("ev").toString(), "--quiet"),
                "--labelled -1: expected 0 or more");
    }

    @Test
    void exportOptionsWithNoExportAreRefused() {
        assertOneLineError(prune(model, "n1", "--no-export", "--export-rank", "3"), "--export-rank chooses what is exported,"
                + " but --no-export exports nothing");
        assertOneLineError(prune(model, "n2", "--no-export", "--format", "onnx"), "--format chooses what is exported");
        assertFalse(Files.exists(dir.resolve("n1")));
    }

    @Test
    void withoutAnExportTheStsLineNamesTheChosenCandidate() throws Exception {
        Path tokenized = TokenizedTinyBert.write(dir.resolve("tokenized"), 64, 5);
        Path sts = Files.write(dir.resolve("sts.tsv"), List.of(
                "captions\tt\t2024\t1\t5.0\tA dog runs on the beach.\tA dog is running along the beach.",
                "captions\tt\t2024\t2\t0.5\tA man slices bread.\tThe stock market fell sharply.",
                "news\tt\t2024\t3\t3.0\tThe council approved the budget.\tThe budget was passed by the council.",
                "news\tt\t2024\t4\t1.0\tIt snowed in the mountains.\tA child plays the violin."));
        CliRun r = prune(tokenized, "sts-out", "--no-export", "--sts", sts.toString(), "--set",
                "output.measure-latency=false");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("chosen candidate (cut, not exported)"), r.out());
        assertFalse(r.out().contains("exported,"), r.out());
    }

    @Test
    void relativePositionsAndDecodersAreRefused() throws Exception {
        String[][] cases = {{"position_embedding_type", "\"relative_key\""}, {"position_embedding_type",
                "\"relative_key_query\""}, {"is_decoder", "true"}, {"add_cross_attention", "true"}};
        for (String[] c : cases) {
            Path m = new TinyBert().write(dir.resolve("kind-" + c[0] + c[1].length()));
            ObjectNode config = (ObjectNode) new ObjectMapper().readTree(m.resolve("config.json").toFile());
            config.set(c[0], new ObjectMapper().readTree(c[1]));
            Files.writeString(m.resolve("config.json"), config.toString());
            assertOneLineError(prune(m, "kind"), c[0] + " is " + c[1] + "; only ");
        }
    }

    @Test
    void aCorruptPluginJarIsReportedByName() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins-corrupt"));
        Files.copy(randomBytes, plugins.resolve("x.jar"));
        CliRun r = CliRun.of("strategies", "--plugins", plugins.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: " + plugins.resolve("x.jar") + ": not a readable jar"), r.err());
    }

    @Test
    void aDamagedCacheEntrySaysToDeleteIt() throws Exception {
        // $ZEROPRUNE_CACHE outranks PrivateCache: the entry is removed again so as not to leave it in a real cache
        Path entry = new TinyBert().write(CacheRoot.path().resolve("models").resolve("damaged-" + System.nanoTime()));
        try {
            Path weights = entry.resolve("model.safetensors");
            Files.write(weights, java.util.Arrays.copyOf(Files.readAllBytes(weights), 100));
            assertOneLineError(prune(entry, "damaged"), "delete " + entry.toAbsolutePath().normalize() + " to rebuild it");
        } finally {
            Files.delete(entry.resolve("model.safetensors"));
            Files.delete(entry.resolve("config.json"));
            Files.delete(entry);
        }
    }
}
