package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--candidates", "4", "--corpus",
                corpus.toString(), "--strategy", "test-params", "--out", dir.resolve("ov-eval").toString(), "--quiet");
        evaluate.assertOneLineError("non-finite");
        assertTrue(evaluate.err().contains("layer 1") && evaluate.err().contains(model.toString()), evaluate.err());
        CliRun prune = prune(model, dir.resolve("ov-prune"), "--corpus", corpus.toString(), "--reconstruct", "scales");
        prune.assertOneLineError("layer 1");
        assertFalse(Files.exists(dir.resolve("ov-prune")));
    }

    @Test
    void anAllZeroEncoderSaysItsCorrelationsAreUndefined() throws Exception {
        Path model = TokenizedTinyBert.write(dir.resolve("zeros"), 128, 5, Map.of("encoder.", 0f));
        Path out = dir.resolve("zero-eval");
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--candidates", "4", "--corpus",
                corpus.toString(), "--strategy", "test-params", "--out", out.toString(), "--quiet");
        System.out.println(evaluate);
        System.out.println(Files.readString(out.resolve("evaluation.json")));
    }

    /** A small {@code prune} (test-params, 10 random candidates) with {@code extra}, which may set the reconstruction. */
    private static CliRun prune(Path model, Path out, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("prune", "--model", model.toString(),
                "--strategy", "test-params", "--search", "random", "--candidates", "10", "--out", out.toString(), "--quiet"));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }
}
