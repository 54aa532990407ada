package org.zeroprune.nas.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.CheckpointException;
import org.zeroprune.nas.checkpoint.Tensor;
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.onnxruntime.OrtSessions;
import org.zeroprune.nas.testing.HiddenStates;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * The ONNX file on small random checkpoints: every activation BERT configurations name, weights in
 * an external data file, a checkpoint whose shapes disagree with its configuration, and the
 * structural check finding what is wrong with a broken graph.
 */
class OnnxExportFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gelu", "gelu_new", "relu"})
    void everyActivationMatchesZeroprunesForward(String activation) throws IOException, OrtException {
        BertCheckpoint pruned = unevenTinyBert(activation);
        Path onnx = OnnxExport.write(pruned, dir);
        assertEquals(List.of(), OnnxModelCheck.problems(onnx));
        assertTrue(parityDiff(pruned, onnx) <= 1e-4);
    }

    @Test
    void weightsGoToAnExternalDataFileOverTheLimit() throws IOException, OrtException {
        BertCheckpoint pruned = unevenTinyBert("gelu");
        Path inline = OnnxExport.write(pruned, Files.createDirectory(dir.resolve("inline")));
        Path external = OnnxExport.write(pruned, Files.createDirectory(dir.resolve("external")), 1024);
        Path data = external.resolveSibling(OnnxExport.FILE + ".data");
        assertTrue(Files.size(data) > Files.size(inline) / 2, "the weights are in " + data);
        assertTrue(Files.size(external) < 64 * 1024, "model.onnx holds the graph only: " + Files.size(external));
        assertFalse(Files.exists(inline.resolveSibling(OnnxExport.FILE + ".data")));
        assertEquals(List.of(), OnnxModelCheck.problems(external));
        int[][] ids = tokens(9);
        try (OrtSession a = OrtSessions.open(inline, 1); OrtSession b = OrtSessions.open(external, 1)) {
            assertEquals(0.0, HiddenStates.maxAbsDiff(HiddenStates.onnxRuntime(a, ids, 4, 0),
                    HiddenStates.onnxRuntime(b, ids, 4, 0)), "the same weights, read from the data file");
        }
    }

    @Test
    void aTensorOfTheWrongShapeIsRefusedByName() throws IOException {
        BertCheckpoint good = unevenTinyBert("gelu");
        String name = BertNames.intermediate(0, "weight");
        Map<String, Tensor> tensors = new LinkedHashMap<>(good.tensors());
        tensors.put(name, Tensor.ofFloats(name, new int[] {7, 16}, new float[7 * 16]));
        BertCheckpoint bad = new BertCheckpoint(good.directory(), good.config(), tensors, good.prefix());
        Path out = Files.createDirectory(dir.resolve("bad"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxExport.write(bad, out));
        assertTrue(e.getMessage().contains("'" + name + "' is F32[7, 16]") && e.getMessage().contains("[8, 16]"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "nothing written");
        }
    }

    @Test
    void theStructuralCheckFindsABrokenGraph() throws IOException {
        Path onnx = OnnxExport.write(unevenTinyBert("gelu"), dir);
        ModelProto model;
        try (InputStream in = Files.newInputStream(onnx)) {
            model = ModelProto.parseFrom(in);
        }
        GraphProto graph = model.getGraph();
        NodeProto dropped = graph.getNode(3);
        ModelProto missingNode = model.toBuilder().setGraph(graph.toBuilder().removeNode(3)).build();
        assertTrue(OnnxModelCheck.problems(missingNode, dir).stream().anyMatch(p -> p.contains("input '"
                + dropped.getOutput(0) + "' is not defined before the node")), "a node's input comes from nowhere");
        ModelProto customOp = model.toBuilder().setGraph(graph.toBuilder().setNode(0, graph.getNode(0).toBuilder()
                .setOpType("FastGelu").setDomain("com.microsoft"))).build();
        assertTrue(OnnxModelCheck.problems(customOp, dir).stream().anyMatch(p -> p.contains("not one of the standard")));
        ModelProto shortData = model.toBuilder().setGraph(graph.toBuilder().setInitializer(graph.getInitializerCount() - 1,
                graph.getInitializer(graph.getInitializerCount() - 1).toBuilder().setRawData(ByteString.copyFrom(new byte[4]))))
                .build();
        assertTrue(OnnxModelCheck.problems(shortData, dir).stream().anyMatch(p -> p.contains("4 bytes of data; expected")));
        ModelProto newerOpset = model.toBuilder().setOpsetImport(0, model.getOpsetImport(0).toBuilder().setVersion(20)).build();
        assertTrue(OnnxModelCheck.problems(newerOpset, dir).stream().anyMatch(p -> p.startsWith("opset imports")));
    }

    /** A 3-layer random BERT with the given activation, pruned to uneven layers (one without heads, one without neurons). */
    private BertCheckpoint unevenTinyBert(String activation) throws IOException {
        TinyBert tiny = new TinyBert();
        tiny.layers = 3;
        Path source = tiny.write(dir.resolve("tiny-" + activation));
        ObjectNode config = tiny.config();
        config.put("hidden_act", activation);
        Files.writeString(source.resolve(BertCheckpoint.CONFIG), new ObjectMapper().writeValueAsString(config));
        PruningMask mask = PruningMask.of(
                List.of(UnitSet.firstN(4, 1), UnitSet.none(4), UnitSet.all(4)),
                List.of(UnitSet.firstN(24, 8), UnitSet.firstN(24, 24), UnitSet.none(24)));
        return CheckpointPruner.prune(BertCheckpoint.read(source), mask, dir.resolve("pruned-" + activation));
    }

    /** ONNX Runtime against zeroprune's forward on random token ids of varied lengths, padded. */
    private static double parityDiff(BertCheckpoint checkpoint, Path onnx) throws OrtException {
        int[][] ids = tokens(9);
        try (BertEncoder encoder = BertEncoder.load(checkpoint, 3); OrtSession session = OrtSessions.open(onnx, 1)) {
            double diff = HiddenStates.maxAbsDiff(encoder.lastHiddenStates(ids), HiddenStates.onnxRuntime(session, ids, 4, 0));
            System.out.printf("%s (%s): ONNX Runtime vs zeroprune's forward: max abs diff %.3g%n", onnx,
                    checkpoint.config().hiddenAct(), diff);
            return diff;
        }
    }

    private static int[][] tokens(int count) {
        SplittableRandom random = new SplittableRandom(5);
        int[][] ids = new int[count][];
        for (int i = 0; i < count; i++) {
            ids[i] = random.ints(2 + random.nextInt(20), 0, 50).toArray();
        }
        return ids;
    }
}
