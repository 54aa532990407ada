package org.zeroprune.nas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.CliRun;
import org.zeroprune.nas.testing.TinyBert;

/** Careless input that used to be resolved silently or reported badly: now one clear line, or a warning. */
class HostileInputCliTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void tinyModel() throws Exception {
        model = new TinyBert().write(dir.resolve("tiny"));
    }

    private static CliRun prune(String out, String... extra) {
        return CliRun.prune(model, dir.resolve(out), extra);
    }

    private static void assertOneLineError(CliRun r, String expected) {
        r.assertOneLineError(expected);
    }

    @Test
    void anExportRankBeyondTheRankingIsRefusedBeforeTheSearch() {
        assertOneLineError(prune("rank", "--export-rank", "99999"),
                "key 'output.export-rank' is '99999'; expected at most search.candidates (10)");
        assertFalse(Files.exists(dir.resolve("rank")));
    }

    @Test
    void anOptionAndASetOfTheSameBudgetContradictEachOther() {
        assertOneLineError(prune("b1", "--flops", "0.5", "--set", "budget.params=0.6"), "sets 2 budgets");
        assertOneLineError(prune("b2", "--flops", "0.5", "--set", "budget.flops=0.6"),
                "--flops 0.5 and --set budget.flops=0.6 set the same key");
        assertOneLineError(CliRun.of("evaluate", "--flops", "0.5", "--params", "0.6", "--out", dir.resolve("b3").toString()),
                "sets 2 budgets (budget.flops=0.5, budget.params=0.6)");
    }

    @Test
    void aKeyGivenTwiceInAConfigurationFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("twice.yaml"), "search:\n  seed: 1\n  seed: 2\n");
        assertOneLineError(prune("dup", "--config", file.toString()), "Duplicate field 'seed'");
    }

    @Test
    void aMissingPluginFolderIsOneLine() {
        assertOneLineError(prune("plugins", "--plugins", dir.resolve("nonexistent").toString()),
                "plugin directory " + dir.resolve("nonexistent") + " does not exist");
    }

    @Test
    void aMinimumNoLayerReachesIsRefused() {
        assertOneLineError(prune("min", "--set", "search.min-neurons=5000"),
                "search.min-neurons is 5000, but no layer of the model has more than 24 FFN neurons");
    }

    @Test
    void aModelWithNothingLeftIsWrittenWithAWarning() {
        CliRun r = prune("empty", "--flops", "1e-9");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: the chosen model keeps no attention head and no FFN neuron in any layer"),
                r.err());
    }

    @Test
    void aTamperedMaskRangeNamesTheRankLayerAndText() throws Exception {
        CliRun ok = prune("ranked");
        assertEquals(0, ok.status(), ok.err());
        Path ranking = dir.resolve("ranked/ranking.json");
        String text = Files.readString(ranking);
        int heads = text.indexOf("\"heads\" : [ \"");
        Files.writeString(ranking, text.substring(0, heads) + "\"heads\" : [ \"a-3\"" + text.substring(text.indexOf('"',
                heads + 13) + 1));
        assertOneLineError(CliRun.of("export", "--ranking", ranking.toString(), "--rank", "1", "--reconstruct", "none", "--out",
                dir.resolve("tampered").toString()), "'a' is not a unit index; expected FROM-TO or INDEX");
    }

    @Test
    void aBenchmarkReplacesOnlyItsOwnEarlierResultAndChecksTheFolderFirst() throws Exception {
        Path readme = Files.writeString(dir.resolve("README.md"), "# mine");
        for (String benchmark : new String[] {"prune", "onnx", "flexibert --data " + readme}) {
            List<String> args = new ArrayList<>(List.of("benchmark"));
            args.addAll(List.of(benchmark.split(" ")));
            args.addAll(List.of("--out", readme.toString()));
            assertOneLineError(CliRun.of(args.toArray(String[]::new)), "--out " + readme + " exists and is not a zeroprune benchmark result");
        }
        assertEquals("# mine", Files.readString(readme));
        Path packageJson = Files.writeString(dir.resolve("package.json"), "{\"name\": \"mine\"}");
        assertOneLineError(CliRun.of("benchmark", "onnx", "--out", packageJson.toString()),
                "exists and is not a zeroprune benchmark result");
        assertEquals("{\"name\": \"mine\"}", Files.readString(packageJson));
        assertOneLineError(CliRun.of("benchmark", "prune", "--out", dir.toString()), "is not a regular file");
        assertOneLineError(CliRun.of("benchmark", "prune", "--out", "/proc/zeroprune.json"), "/proc is not writable");
    }

    @Test
    void aBenchmarkShapeLongerThanTheModelsPositionsIsRefusedBeforeTiming() {
        CliRun ok = prune("for-onnx");
        assertEquals(0, ok.status(), ok.err());
        assertOneLineError(CliRun.of("benchmark", "onnx", "--model", dir.resolve("for-onnx/model").toString(), "--dense",
                model.toString(), "--shapes", "1x600", "--runs", "1"), "600 tokens exceed the model's 32 positions");
    }

    @Test
    void aConfigThatCannotBeReadIsNotCalledInvalidJson() throws Exception {
        Path broken = new TinyBert().write(dir.resolve("broken"));
        Files.delete(broken.resolve("config.json"));
        Files.createDirectory(broken.resolve("config.json"));
        CliRun r = CliRun.of("prune", "--model", broken.toString(), "--strategy", "test-params", "--out",
                dir.resolve("x").toString(), "--quiet");
        assertOneLineError(r, "config.json: cannot be read (it is a directory)");
    }
}
