package org.zeroprune.nas.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.CodedInputStream;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * The embedded all-MiniLM-L6-v2 imports with every HF tensor, and every value equals the ONNX
 * initializer it came from. The expected mapping here follows the MatMul nodes' scope names, a
 * route independent of the importer's (which follows each MatMul to the Add of its named bias).
 */
class EmbeddedModelImportTest {
    static ModelProto onnx;
    static BertCheckpoint checkpoint;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = EmbeddedModel.openOnnx()) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            onnx = ModelProto.parseFrom(coded);
        }
        checkpoint = BertCheckpoint.read(EmbeddedModel.checkpointDirectory());
    }

    @Test
    void configMatchesTheKnownArchitecture() {
        var c = checkpoint.config();
        assertEquals(6, c.layers());
        assertEquals(384, c.hiddenSize());
        assertEquals(12, c.attentionHeads());
        assertEquals(1536, c.intermediateSize());
        assertEquals(30522, c.vocabSize());
        assertEquals(512, c.maxPositions());
        assertEquals(1e-12, c.layerNormEps(), 1e-18);
        assertEquals("gelu", c.hiddenAct());
        assertTrue(checkpoint.tokenizer().isPresent());
    }

    @Test
    void everyTensorHasItsShapeAndTheOnnxValuesTransposedWhereTheLayoutSaysSo() {
        Map<String, TensorProto> inits = new HashMap<>();
        onnx.getGraph().getInitializerList().forEach(t -> inits.put(t.getName(), t));
        int checkedMatMuls = 0;
        for (NodeProto node : onnx.getGraph().getNodeList()) {
            if (!node.getOpType().equals("MatMul") || !inits.containsKey(node.getInput(1))) {
                continue;
            }
            // "/encoder/layer.3/attention/self/query/MatMul" -> encoder.layer.3.attention.self.query.weight
            String scope = node.getName().substring(1, node.getName().lastIndexOf('/')).replace('/', '.');
            TensorProto source = inits.get(node.getInput(1));
            Tensor imported = checkpoint.tensor(scope + ".weight");
            int in = (int) source.getDims(0);
            int out = (int) source.getDims(1);
            assertArrayEquals(new int[] {out, in}, imported.shape(), scope);
            float[] values = floats(source);
            float[] hf = imported.toFloatArray();
            for (int r = 0; r < in; r += 7) {
                for (int c = 0; c < out; c += 5) {
                    assertEquals(values[r * out + c], hf[c * in + r], 0f, scope + "[" + c + "," + r + "]");
                }
            }
            checkedMatMuls++;
        }
        assertEquals(6 * 6, checkedMatMuls, "Q, K, V, attention output, intermediate and output per layer");
        for (TensorProto t : onnx.getGraph().getInitializerList()) {
            if (t.getName().startsWith("onnx::") || t.getDataType() != 1) {
                continue;
            }
            assertArrayEquals(floats(t), checkpoint.tensor(t.getName()).toFloatArray(), t.getName());
        }
        for (int layer = 0; layer < 6; layer++) {
            assertArrayEquals(new int[] {1536, 384}, checkpoint.tensor(BertNames.intermediate(layer, "weight")).shape());
            assertArrayEquals(new int[] {384, 1536}, checkpoint.tensor(BertNames.output(layer, "weight")).shape());
            assertArrayEquals(new int[] {384}, checkpoint.tensor(BertNames.attentionNorm(layer, "bias")).shape());
        }
        assertEquals(22_565_376L, checkpoint.parameterCount());
    }

    @Test
    void infersTheHeadCountFromTheAttentionScaleWhenNotTold(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.onnx");
        try (InputStream in = EmbeddedModel.openOnnx()) {
            Files.copy(in, file);
        }
        BertCheckpoint imported = OnnxBertImporter.importFile(file, Optional.empty(), OptionalInt.empty(), dir.resolve("out"));
        assertEquals(12, imported.config().attentionHeads());
        assertTrue(imported.tokenizer().isEmpty());
    }

    private static float[] floats(TensorProto t) {
        float[] out = new float[(int) (t.getRawData().size() / 4)];
        t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
