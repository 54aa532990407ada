package org.zeroprune.nas.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

class OnnxImportErrorTest {
    @TempDir
    Path dir;

    @Test
    void aGraphThatIsNotABertEncoderIsRefusedWithWhatItHas() throws Exception {
        TensorProto weight = TensorProto.newBuilder().setName("fc.weight").addDims(4).addDims(3).setDataType(1)
                .setRawData(ByteString.copyFrom(new byte[48])).build();
        GraphProto graph = GraphProto.newBuilder().addInitializer(weight)
                .addNode(NodeProto.newBuilder().setOpType("MatMul").setName("/fc/MatMul").addInput("x").addInput("fc.weight")
                        .addOutput("y"))
                .addNode(NodeProto.newBuilder().setOpType("Relu").addInput("y").addOutput("z")).build();
        Path file = dir.resolve("mlp.onnx");
        Files.write(file, ModelProto.newBuilder().setGraph(graph).build().toByteArray());
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxBertImporter.importFile(file, Optional.empty(), OptionalInt.of(2), dir.resolve("out")));
        assertTrue(e.getMessage().contains(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("not a BERT encoder export"), e.getMessage());
        assertTrue(e.getMessage().contains("[MatMul, Relu]"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aPrunedModelOnnxWithALayerWithoutNeuronsIsRefusedAsUnevenNotAsForeign() throws Exception {
        // zeroprune's own export of a candidate whose layer 0 keeps no FFN neuron: that layer has no FFN tensors at all
        TinyBert tiny = new TinyBert();
        BertCheckpoint dense = BertCheckpoint.read(tiny.write(dir.resolve("dense")));
        PruningMask mask = PruningMask.of(List.of(UnitSet.all(tiny.heads), UnitSet.of(tiny.heads, 0, 1)),
                List.of(UnitSet.none(tiny.intermediate), UnitSet.all(tiny.intermediate)));
        Path onnx = OnnxExport.write(CheckpointPruner.prune(dense, mask, dir.resolve("cut")),
                Files.createDirectories(dir.resolve("pruned")));
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxBertImporter.importFile(onnx, Optional.empty(), OptionalInt.of(tiny.heads), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith(onnx + ": its layers differ in width (attention widths [16, 8] of hidden"
                + " size 16, FFN widths [0, 24])"), e.getMessage());
        assertTrue(e.getMessage().contains("use the checkpoint directory written with it"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void bytesThatAreNotOnnxAndMissingFilesAreNamed() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[] {(byte) 0xff, 0x13, 0x37, 0x00, 0x42});
        OnnxImportException e = assertThrows(OnnxImportException.class,
                () -> OnnxBertImporter.importFile(garbage, Optional.empty(), OptionalInt.empty(), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith(garbage + ": not a readable ONNX model"), e.getMessage());
        OnnxImportException missing = assertThrows(OnnxImportException.class,
                () -> OnnxBertImporter.importFile(dir.resolve("none.onnx"), Optional.empty(), OptionalInt.empty(), dir));
        assertTrue(missing.getMessage().contains("none.onnx: not found"), missing.getMessage());
    }
}
