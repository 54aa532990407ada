package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.PrivateCache;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/** A model or an input that makes the measures meaningless fails or warns; it never exits 0 with NaN figures. */
class MeaninglessNumbersCliTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @RegisterExtension
    final PrivateCache cache = new PrivateCache();

    @BeforeAll
    static void write() throws Exception {
        corpus = Files.writeString(dir.resolve("sentences.txt"), IntStream.range(0, 12)
                .mapToObj(i -> "Sentence " + i + " is about the weather.").collect(Collectors.joining("\n")));
    }

    @Test
    void aForwardPassThatOverflowsIsRefusedNamingTheLayer() throws Exception {
        Path model = TokenizedTinyBert.write(dir.resolve("overflow"), 128, 5, Map.of("encoder.layer.1.", 1e30f));
        CliRun evaluate = evaluate(model, corpus, dir.resolve("ov-eval"));
        evaluate.assertOneLineError("non-finite");
        assertTrue(evaluate.err().contains("layer 1") && evaluate.err().contains(model.toString()), evaluate.err());
        CliRun prune = prune(model, dir.resolve("ov-prune"), "--corpus", corpus.toString(), "--reconstruct", "scales");
        prune.assertOneLineError("layer 1");
        assertFalse(Files.exists(dir.resolve("ov-prune")));
    }

    @Test
    void anAllZeroEncoderIsRefusedAndAConstantOneHasItsCorrelationsCalledUndefined() throws Exception {
        Path zeros = TokenizedTinyBert.write(dir.resolve("zeros"), 128, 5, Map.of("encoder.", 0f));
        evaluate(zeros, corpus, dir.resolve("zero-eval")).assertOneLineError("zero vector");
        prune(zeros, dir.resolve("zero-prune"), "--reconstruct", "none", "--set", "output.measure-fidelity=true")
                .assertOneLineError("zero vector");

        // the last LayerNorm's weight zero: every sentence, whatever is kept, ends as its bias
        Path constant = TokenizedTinyBert.write(dir.resolve("constant"), 128, 5,
                Map.of("encoder.layer.1.output.LayerNorm.weight", 0f));
        Path out = dir.resolve("constant-eval");
        CliRun run = evaluate(constant, corpus, out);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("warning: every held-out candidate has the same fidelity"), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertTrue(json.at("/strategies/0/kendallTauB").isNull(), json.toString());
        assertTrue(json.at("/warnings/0").asText().contains("no rank correlation is defined"), json.toString());
        assertTrue(run.out().contains("n/a") && !run.out().contains("NaN"), "the console table: " + run.out());
    }

    @Test
    void aCorpusTheVocabularyCannotReadIsRefusedAndOneItReadsBadlyIsWarnedAbout() throws Exception {
        Path model = TokenizedTinyBert.write(dir.resolve("reads"), 128, 5);
        // Ethiopic script is not in the English vocabulary: every token is [UNK]
        Path unreadable = Files.writeString(dir.resolve("unreadable.txt"), IntStream.range(0, 12)
                .mapToObj(i -> "\u1230\u120b\u121d \u1260\u12a5\u1295 \u12a0\u1208\u121d".repeat(1 + i % 3))
                .collect(Collectors.joining("\n")));
        evaluate(model, unreadable, dir.resolve("unk-eval")).assertOneLineError("cannot read corpus " + unreadable);
        prune(model, dir.resolve("unk-prune"), "--corpus", unreadable.toString(), "--reconstruct", "tune")
                .assertOneLineError("cannot read corpus " + unreadable);
        assertFalse(Files.exists(dir.resolve("unk-prune")));

        Path half = Files.writeString(dir.resolve("half.txt"), IntStream.range(0, 12)
                .mapToObj(i -> "The weather \u1230\u120b\u121d \u1260\u12a5\u1295 \u12a0\u1208\u121d i" + i)
                .collect(Collectors.joining("\n")));
        Path out = dir.resolve("half-eval");
        CliRun run = evaluate(model, half, out);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().contains("warning: the model's vocabulary does not read corpus " + half), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
        assertEquals(half.toString(), json.at("/corpusLanguageWarning/corpus").asText(), json.toString());

        // the tokenizer removes private-use characters: no token at all is left
        Path empty = Files.writeString(dir.resolve("private-use.txt"), IntStream.range(0, 12)
                .mapToObj(i -> "\uE000\uE001 \uE002\uE003").collect(Collectors.joining("\n")));
        evaluate(model, empty, dir.resolve("empty-eval")).assertOneLineError("makes no token of corpus " + empty);
    }

    @Test
    void aFidelityCacheEntryNoFidelityCanTakeIsMeasuredAgainWithAWarning() throws Exception {
        Path model = TokenizedTinyBert.write(dir.resolve("cached"), 128, 5);
        Path first = dir.resolve("cache-first");
        assertEquals(0, evaluate(model, corpus, first).status());
        Path entry;
        try (var files = Files.list(Path.of(System.getProperty("zeroprune.cache")).resolve("fidelity"))) {
            entry = files.findFirst().orElseThrow();
        }
        for (String value : new String[] {"42.0", "\"NaN\"", "null"}) {
            ObjectNode node = (ObjectNode) new ObjectMapper().readTree(entry.toFile());
            ((ArrayNode) node.get("fidelity")).set(1, new ObjectMapper().readTree(value));
            Files.writeString(entry, node.toString());
            Path again = dir.resolve("cache-again-" + value.hashCode());
            CliRun run = evaluate(model, corpus, again);
            assertEquals(0, run.status(), run.err());
            assertTrue(run.err().contains("warning: the fidelity cache entry " + entry + " is corrupt (candidate 1: "),
                    value + ": " + run.err());
            assertTrue(run.out().contains("measuring fidelity took"), run.out());
            assertEquals(fidelities(first), fidelities(again), value);
        }
    }

    @Test
    void degenerateStsFilesAreRefusedBeforeTheWork() throws Exception {
        Path model = TokenizedTinyBert.write(dir.resolve("sts-model"), 128, 5);
        Path equal = Files.write(dir.resolve("equal.tsv"), java.util.List.of("g\tf\t2012\t1\t3.0\tA man plays.\tHe plays.",
                "g\tf\t2012\t2\t3.0\tA cat.\tA car.", "g\tf\t2012\t3\t3.0\tRain.\tIt rains."));
        prune(model, dir.resolve("sts-equal"), "--reconstruct", "none", "--sts", equal.toString())
                .assertOneLineError("every gold score is 3.0");
        prune(model, dir.resolve("sts-zero"), "--reconstruct", "none", "--sts", "/dev/zero")
                .assertOneLineError("/dev/zero: is a character device, not a regular file");
        prune(model, dir.resolve("corpus-zero"), "--reconstruct", "none", "--corpus", "/dev/zero")
                .assertOneLineError("/dev/zero: is a character device, not a regular file");
    }

    private static CliRun evaluate(Path model, Path sentences, Path out) {
        return CliRun.of("evaluate", "--model", model.toString(), "--candidates", "4", "--corpus", sentences.toString(),
                "--strategy", "test-params", "--out", out.toString(), "--quiet");
    }

    private static java.util.List<Double> fidelities(Path out) throws Exception {
        java.util.List<Double> values = new java.util.ArrayList<>();
        new ObjectMapper().readTree(out.resolve("evaluation.json").toFile()).get("candidateList")
                .forEach(c -> values.add(c.get("fidelity").asDouble()));
        return values;
    }

    /** A small {@code prune} (test-params, 10 random candidates) with {@code extra}, which may set the reconstruction. */
    private static CliRun prune(Path model, Path out, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("prune", "--model", model.toString(),
                "--strategy", "test-params", "--search", "random", "--candidates", "10", "--out", out.toString(), "--quiet"));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }
}
