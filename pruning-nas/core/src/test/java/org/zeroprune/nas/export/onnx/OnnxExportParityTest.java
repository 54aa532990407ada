package org.zeroprune.nas.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.export.PrunedCheckpointWriter;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.RandomMasks;
import org.zeroprune.nas.forward.Sentences;
import org.zeroprune.nas.onnxruntime.OrtSessions;
import org.zeroprune.nas.testing.HiddenStates;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * ONNX Runtime, with every graph optimisation on, runs the exported {@code model.onnx} as zeroprune's
 * forward pass runs the same pruned checkpoint: the embedded model exported whole, a pruned
 * candidate with uneven layers, and one with layers left without heads or without neurons. Real
 * sentences, padded per batch; only real positions are compared.
 */
class OnnxExportParityTest {
    private static final double TOLERANCE = 1e-4;
    /** Sequences per ONNX Runtime call; not the encoder's 8, so that the padding differs too. */
    private static final int ORT_BATCH = 12;

    @TempDir
    Path dir;

    static Stream<Arguments> candidates() {
        BertConfig config = EmbeddedEncoder.checkpoint().config();
        PruningMask dense = EmbeddedEncoder.encoder().denseMask();
        PruningMask pruned = RandomMasks.bernoulli(config, 0.5, 11);
        PruningMask emptyBlocks = RandomMasks.bernoulli(config, 0.6, 12)
                .withHeads(1, UnitSet.none(config.headsInLayer(1)))
                .withNeurons(3, UnitSet.none(config.ffnWidth(3)))
                .withHeads(5, UnitSet.none(config.headsInLayer(5)))
                .withNeurons(5, UnitSet.none(config.ffnWidth(5)));
        return Stream.of(Arguments.of("dense", dense), Arguments.of("pruned", pruned),
                Arguments.of("no heads in layers 1 and 5, no neurons in 3 and 5", emptyBlocks));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidates")
    void onnxRuntimeEqualsZeroprunesForward(String name, PruningMask mask) throws IOException, OrtException {
        BertCheckpoint pruned = PrunedCheckpointWriter.write(EmbeddedEncoder.checkpoint(), mask, dir,
                new ObjectMapper().createObjectNode());
        Path onnx = OnnxExport.write(pruned, dir);
        assertEquals(List.of(), OnnxModelCheck.problems(onnx), "structural checks");
        assertLayerShapes(onnx, pruned.config());

        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied());
        float[][][] expected;
        try (BertEncoder encoder = BertEncoder.load(pruned, 8)) {
            expected = encoder.lastHiddenStates(ids);
        }
        try (OrtSession session = OrtSessions.open(onnx, 0)) {
            double diff = HiddenStates.maxAbsDiff(expected, HiddenStates.onnxRuntime(session, ids, ORT_BATCH, 0));
            System.out.printf("%s: ONNX Runtime (ALL_OPT) vs zeroprune's forward: max abs diff %.3g over %d sentences%n",
                    name, diff, ids.length);
            assertTrue(diff <= TOLERANCE, name + ": max abs diff " + diff);
            // token types are looked up from the input, not fixed at type 0
            double typeOne = HiddenStates.maxAbsDiff(expected, HiddenStates.onnxRuntime(session, ids, ORT_BATCH, 1));
            assertTrue(typeOne > 1e-2, "token_type_ids 1 changes the output: " + typeOne);
        }
    }

    /** Each layer's Q weight has its kept heads' columns, each FFN input weight its kept neurons'. */
    private static void assertLayerShapes(Path onnx, BertConfig config) throws IOException {
        ModelProto model;
        try (InputStream in = Files.newInputStream(onnx)) {
            model = ModelProto.parseFrom(in);
        }
        for (int l = 0; l < config.layers(); l++) {
            String query = "onnx::encoder.layer." + l + ".attention.self.query.weight.T";
            String intermediate = "onnx::encoder.layer." + l + ".intermediate.dense.weight.T";
            assertEquals(config.headsInLayer(l) == 0 ? List.of() : List.of((long) config.hiddenSize(),
                    (long) config.headsInLayer(l) * config.headSize()), dims(model, query), query);
            assertEquals(config.ffnWidth(l) == 0 ? List.of() : List.of((long) config.hiddenSize(),
                    (long) config.ffnWidth(l)), dims(model, intermediate), intermediate);
        }
        long softmaxes = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).filter("Softmax"::equals).count();
        assertEquals(java.util.stream.IntStream.range(0, config.layers()).filter(l -> config.headsInLayer(l) > 0).count(),
                softmaxes, "one attention per layer that has heads");
    }

    private static List<Long> dims(ModelProto model, String name) {
        return model.getGraph().getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst()
                .map(t -> t.getDimsList()).orElse(List.of());
    }
}
