package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.export.onnx.OnnxModelCheck;
import org.zeroprune.nas.rank.RankingMasks;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.nas.search.BudgetException;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

class PruneJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void prunesTheEmbeddedModelWithinTheBudgetAndExportsAReloadableSmallerCheckpoint() throws Exception {
        Path out = dir.resolve("out");
        var result = ZeroPrune.prune(ZeroPrune.config().strategy("test-params").set("search.strategy", "random")
                .flops(0.6).seed(7).set("reconstruct.steps", "8").set("output.sts", stsFile().toString())
                .set("output.latency-engines", "all").set("search.candidates", "150").output(out.toString()).build());

        JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
        long denseMacs = ranking.at("/dense/macs").asLong();
        assertEquals(6, ranking.at("/dense/heads").size());
        assertEquals("random", ranking.at("/search/unitOrder").asText(), "test-params has no unit importance");
        JsonNode candidates = ranking.get("candidates");
        assertEquals(150, candidates.size());
        double previous = Double.POSITIVE_INFINITY;
        for (JsonNode c : candidates) {
            assertTrue(c.get("macs").asLong() <= 0.6 * denseMacs, "over budget: " + c);
            assertTrue(c.get("score").asDouble() <= previous, "not best first");
            previous = c.get("score").asDouble();
            assertEquals(6, c.at("/masks/heads").size());
        }
        BertCheckpoint exported = BertCheckpoint.read(out.resolve("model"));
        assertEquals(candidates.get(0).get("totalParams").asLong(), exported.parameterCount());
        assertEquals(result.best().params() + (22_565_376L - ranking.at("/dense/params").asLong()), exported.parameterCount());
        assertTrue(exported.tokenizer().isPresent());
        for (int l = 0; l < 6; l++) {
            assertEquals(candidates.get(0).at("/masks/keptHeads/" + l).asInt(), exported.config().headsInLayer(l));
            assertEquals(candidates.get(0).at("/masks/keptNeurons/" + l).asInt(), exported.config().ffnWidth(l));
        }
        assertTrue(Files.exists(out.resolve("ranking.csv")));
        assertTrue(Files.readString(out.resolve("ranking.csv")).lines().count() == 151);
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("budgetMet").asBoolean());
        assertTrue(summary.at("/latency/denseMs").asDouble() > 0 && summary.at("/latency/prunedMs").asDouble() > 0,
                summary.toString());
        assertTrue(summary.at("/latency/setting").asText().endsWith("fresh JVM"), summary.at("/latency").toString());
        // model.onnx beside the checkpoint by default, timed in ONNX Runtime against the dense model's export
        assertEquals(out.resolve("model").resolve("model.onnx"), result.onnxModel().orElseThrow());
        assertEquals(java.util.List.of(), org.zeroprune.nas.export.onnx.OnnxModelCheck.problems(result.onnxModel().get()));
        assertEquals(result.onnxModel().get().toAbsolutePath().toString(), summary.get("exportedOnnx").asText());
        assertTrue(summary.at("/onnxLatency/denseMs").asDouble() > 0 && summary.at("/onnxLatency/prunedMs").asDouble() > 0,
                summary.toString());
        assertTrue(summary.at("/onnxLatency/setting").asText().endsWith("fresh JVM"), summary.at("/onnxLatency").toString());
        // each engine says how many pairs it timed, within which share of the latency budget, and why it stopped
        for (String engine : new String[] {"/latency", "/onnxLatency"}) {
            JsonNode l = summary.at(engine);
            assertTrue(l.get("pairs").asInt() >= 1 && l.get("warmupPairs").asInt() == 1, l.toString());
            assertTrue(java.util.List.of("precision", "time bound", "pair limit").contains(l.get("stoppedBy").asText()),
                    l.toString());
            assertTrue(l.get("budgetSeconds").asDouble() <= 10, l.toString());
        }
        // the plain cut by default: nothing rebuilt, so the exported model scores what the cut scores
        JsonNode rebuilt = summary.get("reconstruction");
        assertEquals("none", rebuilt.get("level").asText(), rebuilt.toString());
        JsonNode sts = summary.get("sts");
        assertEquals(6, sts.get("pairs").asInt(), sts.toString());
        for (String key : new String[] {"dense", "cut", "pruned"}) {
            assertTrue(Math.abs(sts.get(key).asDouble()) <= 100.0, sts.toString());
        }
        assertEquals(sts.get("cut").asDouble(), sts.get("pruned").asDouble(), 1e-6, sts.toString());
    }

    @Test
    void rerankExportsTheCandidateThatReconstructsBest() throws Exception {
        Path out = dir.resolve("rerank");
        var result = ZeroPrune.prune(ZeroPrune.config().strategy("test-params").set("search.strategy", "random")
                .flops(0.6).seed(5).set("search.candidates", "20").set("output.measure-latency", "false")
                .reconstruct(ReconstructionLevel.TUNE).set("reconstruct.steps", "3").set("reconstruct.rerank", "3").format(ExportFormat.SAFETENSORS)
                .output(out.toString()).build());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        JsonNode trials = summary.get("rerank");
        assertEquals(3, trials.size(), summary.toString());
        int best = 0;
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(i + 1, trials.get(i).get("rank").asInt());
            if (trials.get(i).get("validationFidelity").asDouble() > trials.get(best).get("validationFidelity").asDouble()) {
                best = i;
            }
        }
        assertEquals(best + 1, summary.get("exportRank").asInt(), trials.toString());
        assertEquals(result.ranking().get(best).mask(), result.chosen().mask());
        assertEquals("tune", summary.at("/reconstruction/level").asText());
        assertEquals(result.ranking().get(best).params() + (22_565_376L - JSON.readTree(out.resolve("ranking.json")
                .toFile()).at("/dense/params").asLong()), BertCheckpoint.read(out.resolve("model")).parameterCount());
    }

    /** Six STS pairs in the benchmark's format, written for the tests. */
    private Path stsFile() throws java.io.IOException {
        return Files.write(dir.resolve("sts.tsv"), java.util.List.of(
                "captions\tt\t2024\t1\t5.0\tA dog runs on the beach.\tA dog is running along the beach.",
                "captions\tt\t2024\t2\t0.5\tA man slices bread.\tThe stock market fell sharply.",
                "news\tt\t2024\t3\t3.0\tThe council approved the budget.\tThe budget was passed by the council after debate.",
                "news\tt\t2024\t4\t1.0\tIt snowed in the mountains.\tA child plays the violin.",
                "forum\tt\t2024\t5\t4.2\tI think the movie was great.\tThe film was really good, in my view.",
                "forum\tt\t2024\t6\t2.0\tThe train was late.\tThe bus arrived on time."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"safetensors", "onnx"})
    void outputFormatChoosesTheModelFiles(String format) throws Exception {
        Path out = dir.resolve("format-" + format);
        var result = ZeroPrune.prune(ZeroPrune.config().strategy("test-params").set("search.strategy", "random")
                .set("search.candidates", "10").set("output.measure-latency", "false").format(ExportFormat.named(format)).reconstruct(ReconstructionLevel.NONE)
                .output(out.toString()).build());
        Path model = out.resolve("model");
        assertEquals(format.equals("safetensors"), Files.exists(model.resolve("model.safetensors")));
        assertEquals(format.equals("onnx"), Files.exists(model.resolve("model.onnx")));
        assertEquals(format.equals("onnx"), result.onnxModel().isPresent());
        assertTrue(Files.exists(model.resolve("config.json")) && Files.exists(model.resolve("tokenizer.json")));
    }

    @Test
    void quantizeInt8WritesTheInt8ModelBesideModelOnnxAndTimesIt() throws Exception {
        Path out = dir.resolve("int8");
        var result = ZeroPrune.prune(ZeroPrune.config().strategy("test-params").set("search.strategy", "random")
                .set("search.candidates", "10").set("output.latency-seconds", "3").int8(true).reconstruct(ReconstructionLevel.NONE)
                .set("budget.latency-batch", "1").output(out.toString()).build());
        Path model = out.resolve("model");
        assertTrue(Files.isRegularFile(model.resolve("model.onnx")) && Files.isRegularFile(model.resolve("model_qint8.onnx")));
        assertEquals(List.of(), OnnxModelCheck.problems(model.resolve("model_qint8.onnx")));
        assertEquals(model.resolve("model_qint8.onnx"), result.int8Model().orElseThrow());
        JsonNode int8 = JSON.readTree(out.resolve("summary.json").toFile()).get("int8");
        assertEquals(model.resolve("model_qint8.onnx").toAbsolutePath().toString(), int8.get("file").asText());
        assertTrue(int8.get("bytes").asLong() < int8.get("floatBytes").asLong(), int8.toString());
        assertFalse(int8.get("reduceRange").asBoolean());
        assertFalse(int8.get("int8InstructionSet").asText().isEmpty(), int8.toString());
        assertTrue(int8.at("/onnxLatency/denseMs").asDouble() > 0 && int8.at("/onnxLatency/prunedMs").asDouble() > 0,
                int8.toString());
        // by default only ONNX Runtime times a model.onnx; PyTorch (output.latency-engines all) is left out
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.at("/onnxLatency/denseMs").asDouble() > 0, summary.toString());
        assertTrue(summary.path("latency").isMissingNode(), summary.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "evolutionary", "greedy", "uniform", "hybrid"})
    void everySearchGivesByteIdenticalRankingsForTheSameSeed(String search) throws Exception {
        byte[][] rankings = new byte[2][];
        for (int run = 0; run < 2; run++) {
            Path out = dir.resolve(search + run);
            ZeroPrune.prune(ZeroPrune.config().strategy("test-params").flops(0.5).seed(11)
                    .set("search.strategy", search).set("search.candidates", "120").set("search.neuron-block", "128")
                    .set("search.screening", "test-params").set("search.shortlist", "15")
                    .set("output.export", "false").set("threads", "2").output(out.toString()).build());
            rankings[run] = Files.readAllBytes(out.resolve("ranking.json"));
            JsonNode ranking = JSON.readTree(rankings[run]);
            long limit = (long) (0.5 * ranking.at("/dense/macs").asLong());
            for (JsonNode c : ranking.get("candidates")) {
                assertTrue(c.get("macs").asLong() <= limit, search + " over budget: " + c.get("macs"));
            }
            assertFalse(ranking.get("candidates").isEmpty());
            if (search.equals("hybrid")) {
                assertTrue(ranking.get("candidates").size() == 15, "the shortlist is what gets ranked");
            }
        }
        assertArrayEquals(rankings[0], rankings[1], search);
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "evolutionary", "greedy", "uniform", "hybrid"})
    void orderFormatMasksReadBackToTheSameCandidatesAsRanges(String search) throws Exception {
        JsonNode[] rankings = new JsonNode[2];
        String[] formats = {"ranges", "order"};
        long[] sizes = new long[2];
        for (int f = 0; f < 2; f++) {
            Path out = dir.resolve(search + "-" + formats[f]);
            ZeroPrune.prune(ZeroPrune.config().strategy("test-params").option("importance", "true").flops(0.5).seed(5)
                    .set("search.strategy", search).set("search.candidates", "80").set("search.neuron-block", "32")
                    .set("search.screening", "test-params").set("search.shortlist", "12")
                    .set("output.masks", formats[f]).set("output.export", "false").output(out.toString()).build());
            rankings[f] = JSON.readTree(out.resolve("ranking.json").toFile());
            sizes[f] = Files.size(out.resolve("ranking.json"));
            assertEquals(formats[f], rankings[f].at("/masks/format").asText());
            String csvHeader = Files.readString(out.resolve("ranking.csv")).lines().findFirst().orElseThrow();
            assertEquals(f == 0, csvHeader.endsWith(",head_mask,neuron_mask"), csvHeader);
        }
        assertEquals("importance of test-params", rankings[1].at("/search/unitOrder").asText());
        assertFalse(rankings[1].at("/candidates/0/masks").has("neurons"), "order rows hold counts only");
        assertTrue(sizes[1] < sizes[0], "order " + sizes[1] + " bytes vs ranges " + sizes[0]);
        RankingMasks ranges = new RankingMasks(rankings[0]);
        RankingMasks order = new RankingMasks(rankings[1]);
        assertEquals(ranges.size(), order.size());
        boolean someLayerNotAPrefixOfTheModelsOrder = false;
        for (int rank = 1; rank <= order.size(); rank++) {
            PruningMask mask = ranges.mask(rank);
            assertEquals(mask, order.mask(rank), search + " rank " + rank);
            assertEquals(rankings[0].at("/candidates/" + (rank - 1) + "/score"),
                    rankings[1].at("/candidates/" + (rank - 1) + "/score"));
            for (int l = 0; l < mask.layerCount(); l++) {
                UnitSet kept = mask.neurons(l);
                someLayerNotAPrefixOfTheModelsOrder |= !kept.equals(UnitSet.firstN(kept.size(), kept.count()));
            }
        }
        assertTrue(someLayerNotAPrefixOfTheModelsOrder, "the scrambled importance decides which neurons are kept");
    }

    @Test
    void orderFormatMasksNeedUnitsKeptByImportance() {
        ConfigException e = assertThrows(ConfigException.class, () -> ZeroPrune.prune(ZeroPrune.config()
                .strategy("test-params").set("search.strategy", "random").set("output.masks", "order")
                .output(dir.resolve("out").toString()).build()));
        assertTrue(e.getMessage().contains("output.masks is 'order'") && e.getMessage().contains(
                "strategy 'test-params' gives no per-unit importance"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void exhaustiveSearchVisitsEveryFittingCandidateOfASmallSpace() throws Exception {
        TinyBert tiny = new TinyBert();
        tiny.heads = 2;
        tiny.hidden = 8;
        tiny.intermediate = 8;
        Path model = tiny.write(dir.resolve("tiny"));
        Path out = dir.resolve("out");
        ZeroPrune.prune(ZeroPrune.config().model(model.toString()).strategy("test-params").flops(1.0)
                .set("search.strategy", "exhaustive").set("search.neuron-block", "4").set("search.candidates", "1000").reconstruct(ReconstructionLevel.NONE)
                .set("output.measure-latency", "false")
                .output(out.toString()).build());
        // 2 layers x (2^2 head subsets x 2^2 block subsets) = 16^2 genomes, all within a budget of 1.0
        assertEquals(256, JSON.readTree(out.resolve("ranking.json").toFile()).get("candidates").size());
        ConfigException tooBig = assertThrows(ConfigException.class, () -> ZeroPrune.prune(ZeroPrune.config()
                .model(model.toString()).strategy("test-params").set("search.strategy", "exhaustive")
                .set("search.neuron-block", "1").set("search.candidates", "1000").output(dir.resolve("o2").toString()).build()));
        assertTrue(tooBig.getMessage().contains("more than search.candidates = 1000"), tooBig.getMessage());
    }

    @Test
    void anExistingOutputIsKeptUnlessOverwriteIsAskedAndThenOnlyIfZeroprunesOwn() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> ZeroPrune.prune(ZeroPrune.config()
                .strategy("test-params").set("search.strategy", "random").output(out.toString()).build()));
        assertTrue(e.getMessage().contains("exists; it was not written by zeroprune"), e.getMessage());
        ZeroPrune.ConfigBuilder overwrite = ZeroPrune.config().strategy("test-params").set("search.strategy", "random")
                .set("search.candidates", "10").reconstruct(ReconstructionLevel.NONE).set("output.measure-latency", "false")
                .set("output.overwrite", "true").output(out.toString());
        e = assertThrows(ZeroPruneException.class, () -> ZeroPrune.prune(overwrite.build()));
        assertTrue(e.getMessage().contains("not written by zeroprune") && e.getMessage().contains("keep.txt"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
        Files.delete(out.resolve("keep.txt"));
        ZeroPrune.prune(overwrite.build());
        assertTrue(Files.exists(out.resolve("ranking.json")));
        ZeroPrune.prune(overwrite.build()); // its own output is replaced
    }

    @Test
    void anInfeasibleBudgetStatesTheSmallestAchievableCost() {
        BudgetException e = assertThrows(BudgetException.class, () -> ZeroPrune.prune(ZeroPrune.config()
                .strategy("test-params").set("search.strategy", "random")
                .flops(0.05).set("search.min-heads", "6").set("search.min-neurons", "768")
                .output(dir.resolve("out").toString()).build()));
        assertTrue(e.getMessage().contains("is infeasible"), e.getMessage());
        assertTrue(e.getMessage().contains("raise the budget to at least 0.5"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aLatencyBudgetIsMeasuredOnThisMachineAndMet() throws Exception {
        TinyBert tiny = new TinyBert();
        tiny.hidden = 64;
        tiny.heads = 4;
        tiny.intermediate = 256;
        Path model = tiny.write(dir.resolve("tiny"));
        Path out = dir.resolve("out");
        ZeroPrune.prune(ZeroPrune.config().model(model.toString()).strategy("test-params").set("search.strategy", "random").reconstruct(ReconstructionLevel.NONE)
                .set("budget.latency", "0.7")
                .set("budget.sequence-length", "32").set("search.neuron-block", "16").set("search.candidates", "50")
                .set("output.measure-latency", "false").output(out.toString()).build());
        JsonNode ranking = JSON.readTree(out.resolve("ranking.json").toFile());
        assertEquals("latency", ranking.at("/budget/kind").asText());
        assertEquals("ms per batch", ranking.at("/budget/unit").asText());
        JsonNode candidates = ranking.get("candidates");
        assertFalse(candidates.isEmpty());
        for (JsonNode c : candidates) {
            assertTrue(c.get("budgetCost").asDouble() > 0, c.toString());
        }
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("budgetMet").asBoolean());
        assertTrue(summary.at("/seconds/latency-table").asDouble() > 0, summary.toString());
    }

    @Test
    void theChosenCandidatesFidelityIsReportedWhenAsked() throws Exception {
        Path corpus = Files.writeString(dir.resolve("corpus.txt"), String.join("\n", "The cat sat on the mat.",
                "Prices rose sharply in March.", "Restart the server after the update.", "Why is the sky blue?",
                "She scored twice in the second half.", "Whisk the eggs before adding flour."));
        Path out = dir.resolve("out");
        ZeroPrune.prune(ZeroPrune.config().strategy("test-params").set("search.strategy", "random")
                .set("search.candidates", "10")
                .set("output.measure-latency", "false").set("output.measure-fidelity", "true")
                .set("scoring.corpus", corpus.toString()).output(out.toString()).build());
        JsonNode fidelity = JSON.readTree(out.resolve("summary.json").toFile()).get("fidelity");
        assertEquals(4, fidelity.get("sentences").asInt(), "two thirds of six sentences are the evaluation part");
        double value = fidelity.get("fidelity").asDouble();
        assertTrue(value > 0 && value < 1, "fidelity of a pruned model: " + value);
    }
}
