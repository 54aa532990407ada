package org.zeroprune.nas.reconstruct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.export.PrunedCheckpointWriter;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.RandomMasks;
import org.zeroprune.nas.forward.Sentences;
import org.zeroprune.nas.testing.HiddenStates;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Reconstruction on the embedded model, with a candidate that has a layer without heads and a layer
 * without neurons: every level keeps or lowers its calibration objective, the exported checkpoint
 * runs exactly like the reconstructed model in memory, and {@code none} writes the plain cut byte for
 * byte.
 */
class ReconstructionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PruningMask mask;
    private static int[][] calibration;
    private static int[][] sentences;

    @BeforeAll
    static void setUp() {
        BertConfig config = EmbeddedEncoder.checkpoint().config();
        mask = RandomMasks.bernoulli(config, 0.5, 11)
                .withHeads(1, UnitSet.none(config.headsInLayer(1)))
                .withNeurons(2, UnitSet.none(config.ffnWidth(2)));
        GeneratedCalibration generator = GeneratedCalibration.forTokenizer(EmbeddedEncoder.checkpoint().tokenizer().get(),
                config.vocabSize(), EmbeddedEncoder.tokenizer().specialTokens());
        calibration = generator.sample(40, 8, 24, 5);
        sentences = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 16));
    }

    @ParameterizedTest
    @EnumSource(value = ReconstructionLevel.class, names = {"SCALES", "REFIT", "TUNE", "DISTILL"})
    void lowersTheObjectiveAndExportsWhatItComputed(ReconstructionLevel level, @TempDir Path dir) throws Exception {
        BertCheckpoint dense = EmbeddedEncoder.checkpoint();
        Reconstructor.Reconstruction[] result = new Reconstructor.Reconstruction[1];
        PrunedCheckpointWriter.write(dense, mask, dir, JSON.createObjectNode(), true, cut -> {
            result[0] = Reconstructor.run(dense, cut, calibration, "generated", new Reconstructor.Settings(level, 12, 3,
                    distillSteps(12)));
            return result[0].checkpoint();
        });
        ObjectNode report = result[0].report();
        System.out.println(level + ": " + report);
        assertTrue(report.get("objectiveAfter").asDouble() <= report.get("objectiveBefore").asDouble(), report::toString);
        for (JsonNode block : report.path("blocks")) {
            assertTrue(block.get("after").asDouble() <= block.get("before").asDouble(), block::toString);
        }

        float[][][] inMemory;
        try (BertEncoder model = BertEncoder.load(result[0].checkpoint(), 8)) {
            inMemory = model.lastHiddenStates(sentences);
        }
        float[][][] exported;
        try (BertEncoder model = BertEncoder.load(BertCheckpoint.read(dir), 8)) {
            exported = model.lastHiddenStates(sentences);
        }
        double diff = HiddenStates.maxAbsDiff(inMemory, exported);
        System.out.printf("%s: exported vs in-memory reconstruction, max abs diff %.3g%n", level, diff);
        assertTrue(diff <= 1e-5, "exported vs in-memory reconstruction: " + diff);
    }

    @Test
    void tuningChangesTheModelAndLowersTheObjective() {
        BertCheckpoint dense = EmbeddedEncoder.checkpoint();
        BertCheckpoint cut = org.zeroprune.nas.export.CheckpointPruner.prune(dense, mask, Path.of("cut"));
        Reconstructor.Reconstruction r = Reconstructor.run(dense, cut, calibration, "generated",
                new Reconstructor.Settings(ReconstructionLevel.TUNE, 12, 3));
        assertTrue(r.report().get("objectiveAfter").asDouble() < r.report().get("objectiveBefore").asDouble(),
                r.report()::toString);
        try (BertEncoder a = BertEncoder.load(cut, 8); BertEncoder b = BertEncoder.load(r.checkpoint(), 8)) {
            assertTrue(HiddenStates.maxAbsDiff(a.lastHiddenStates(sentences), b.lastHiddenStates(sentences)) > 1e-3);
        }
    }

    @Test
    void distillationTrainsTheKeptWeightsAndKeepsWhatHeldOutSequencesPrefer() {
        BertCheckpoint dense = EmbeddedEncoder.checkpoint();
        BertCheckpoint cut = org.zeroprune.nas.export.CheckpointPruner.prune(dense, mask, Path.of("cut"));
        Reconstructor.Reconstruction r = Reconstructor.run(dense, cut, calibration, "generated",
                new Reconstructor.Settings(ReconstructionLevel.DISTILL, 12, 3, distillSteps(25)));
        ObjectNode report = r.report();
        System.out.println("distill: " + report);
        assertEquals(32, report.get("trainSequences").asInt());
        assertEquals(8, report.get("heldOutSequences").asInt());
        assertTrue(report.get("changed").asBoolean(), report::toString);
        assertTrue(report.get("objectiveAfter").asDouble() < report.get("objectiveBefore").asDouble(), report::toString);
        // the query projection of a layer with heads changed: more than the small parameters move
        String query = org.zeroprune.nas.checkpoint.BertNames.query(0, "weight");
        float[] before = cut.tensor(query).toFloatArray();
        float[] after = r.checkpoint().tensor(query).toFloatArray();
        assertEquals(before.length, after.length);
        assertTrue(!java.util.Arrays.equals(before, after), "layer 0's query weights did not change");
    }

    @Test
    void distillationKeepsThePlainCutWhenHeldOutSequencesDoNotImprove() {
        BertCheckpoint dense = EmbeddedEncoder.checkpoint();
        BertCheckpoint cut = org.zeroprune.nas.export.CheckpointPruner.prune(dense, mask, Path.of("cut"));
        // a step size this large wrecks the weights at the first step, so no held-out measurement beats the cut
        Reconstructor.DistillSettings wild = new Reconstructor.DistillSettings(4, 0.5, 60,
                Reconstructor.DistillSettings.DEFAULTS.objective(), false);
        Reconstructor.Reconstruction r = Reconstructor.run(dense, cut, calibration, "generated",
                new Reconstructor.Settings(ReconstructionLevel.DISTILL, 4, 3, wild));
        assertTrue(!r.report().get("changed").asBoolean(), r.report()::toString);
        assertTrue(r.checkpoint() == cut, "the plain cut is the result");
    }

    @Test
    void layerwiseLevelsUseAtMostTheirShareOfALargeCalibrationSet() {
        BertConfig config = EmbeddedEncoder.checkpoint().config();
        GeneratedCalibration generator = GeneratedCalibration.forTokenizer(EmbeddedEncoder.checkpoint().tokenizer().get(),
                config.vocabSize(), EmbeddedEncoder.tokenizer().specialTokens());
        int[][] many = generator.sample(Reconstructor.LAYERWISE_SEQUENCES + 40, 6, 8, 7);
        BertCheckpoint dense = EmbeddedEncoder.checkpoint();
        BertCheckpoint cut = org.zeroprune.nas.export.CheckpointPruner.prune(dense, mask, Path.of("cut"));
        Reconstructor.Reconstruction r = Reconstructor.run(dense, cut, many, "generated",
                new Reconstructor.Settings(ReconstructionLevel.SCALES, 1, 3));
        assertEquals(Reconstructor.LAYERWISE_SEQUENCES, r.report().get("sequencesUsed").asInt());
        assertEquals(many.length, r.report().at("/calibration/sequences").asInt());
    }

    /** The default distillation settings with {@code steps} steps, few enough for a test. */
    private static Reconstructor.DistillSettings distillSteps(int steps) {
        Reconstructor.DistillSettings d = Reconstructor.DistillSettings.DEFAULTS;
        return new Reconstructor.DistillSettings(steps, d.learningRate(), d.seconds(), d.objective(), d.refitFirst());
    }

    @Test
    void noneWritesThePlainCutByteForByte(@TempDir Path dir) throws Exception {
        BertCheckpoint dense = EmbeddedEncoder.checkpoint();
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path none = Files.createDirectory(dir.resolve("none"));
        PrunedCheckpointWriter.write(dense, mask, plain, JSON.createObjectNode());
        PrunedCheckpointWriter.write(dense, mask, none, JSON.createObjectNode(), true, cut -> Reconstructor.run(dense, cut,
                calibration, "generated", new Reconstructor.Settings(ReconstructionLevel.NONE, 12, 3)).checkpoint());
        for (String file : new String[] {BertCheckpoint.WEIGHTS, BertCheckpoint.CONFIG}) {
            assertArrayEquals(Files.readAllBytes(plain.resolve(file)), Files.readAllBytes(none.resolve(file)), file);
        }
    }

    @Test
    void generatedSequencesAreWellFormedAndFollowTheVocabularyOrder() {
        BertConfig config = EmbeddedEncoder.checkpoint().config();
        var specials = EmbeddedEncoder.tokenizer().specialTokens();
        GeneratedCalibration generator = GeneratedCalibration.forTokenizer(EmbeddedEncoder.checkpoint().tokenizer().get(),
                config.vocabSize(), specials);
        int[][] a = generator.sample(300, 8, 40, 9);
        assertEquals(java.util.Arrays.deepToString(a), java.util.Arrays.deepToString(generator.sample(300, 8, 40, 9)));
        int the = EmbeddedEncoder.tokenizer().encode("the")[1];
        int early = 0;
        int late = 0;
        for (int[] seq : a) {
            assertTrue(seq.length >= 8 && seq.length <= 40);
            assertEquals(specials.cls(), seq[0]);
            assertEquals(specials.sep(), seq[seq.length - 1]);
            for (int t = 1; t < seq.length - 1; t++) {
                assertTrue(!specials.isSpecial(seq[t]) && seq[t] < config.vocabSize(), "id " + seq[t]);
                early += seq[t] == the ? 1 : 0;
                late += seq[t] > 20_000 ? 1 : 0;
            }
        }
        // 'the' is the first word piece of the vocabulary: a hundred times more frequent than an id past 20,000
        assertTrue(early > 20, "'the' drawn " + early + " times");
        double perLateId = (double) late / (config.vocabSize() - 20_001);
        assertTrue(perLateId * 100 < early, "'the' " + early + " times, an id past 20,000 " + perLateId + " times");
    }
}
