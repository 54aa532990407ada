package org.zeroprune.nas.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.HalfFloats;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * A half-precision ONNX export (float16, as HF optimum writes with {@code --fp16}, or bfloat16)
 * imports like the float32 one, its weights widened: the embedded model's graph with every float
 * initializer rounded to 16 bits gives the float32 import's tensors to 16-bit precision.
 */
class HalfPrecisionOnnxImportTest {
    @TempDir
    static Path dir;
    static ModelProto float32;
    static BertCheckpoint reference;

    @BeforeAll
    static void importTheFloat32Graph() throws Exception {
        try (InputStream in = EmbeddedModel.openOnnx()) {
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            float32 = ModelProto.parseFrom(coded);
        }
        reference = OnnxBertImporter.importFile(Files.write(dir.resolve("f32.onnx"), float32.toByteArray()), Optional.empty(),
                OptionalInt.of(12), dir.resolve("f32"));
    }

    @Test
    void float16InRawBytesImportsAsTheFloat32Weights() throws Exception {
        assertSameWeights(importAs(false, "f16"), 1e-3);
    }

    @Test
    void bfloat16InInt32DataImportsAsTheFloat32Weights() throws Exception {
        assertSameWeights(importAs(true, "bf16"), 8e-3);
    }

    private static BertCheckpoint importAs(boolean brain, String name) throws Exception {
        GraphProto.Builder graph = float32.getGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            TensorProto t = graph.getInitializer(i);
            if (t.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                graph.setInitializer(i, brain ? bfloat16(t) : float16(t));
            }
        }
        Path file = Files.write(dir.resolve(name + ".onnx"), float32.toBuilder().setGraph(graph).build().toByteArray());
        return OnnxBertImporter.importFile(file, Optional.empty(), OptionalInt.of(12), dir.resolve(name));
    }

    private static TensorProto float16(TensorProto t) {
        float[] values = OnnxTensors.floats(t);
        ByteBuffer bytes = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putShort(HalfFloats.floatToF16(v));
        }
        return t.toBuilder().clearRawData().clearFloatData().setDataType(TensorProto.DataType.FLOAT16_VALUE)
                .setRawData(ByteString.copyFrom(bytes.flip())).build();
    }

    private static TensorProto bfloat16(TensorProto t) {
        float[] values = OnnxTensors.floats(t);
        TensorProto.Builder b = t.toBuilder().clearRawData().clearFloatData().setDataType(TensorProto.DataType.BFLOAT16_VALUE);
        for (float v : values) {
            b.addInt32Data(HalfFloats.floatToBf16(v) & 0xffff);
        }
        return b.build();
    }

    private static void assertSameWeights(BertCheckpoint half, double relative) {
        assertEquals(reference.tensors().keySet(), half.tensors().keySet());
        assertEquals(reference.parameterCount(), half.parameterCount());
        for (Tensor expected : reference.tensors().values()) {
            if (!expected.isFloat()) {
                continue;
            }
            float[] want = expected.toFloatArray();
            float[] got = half.tensor(expected.name()).toFloatArray();
            for (int i = 0; i < want.length; i++) {
                double tolerance = relative * Math.abs(want[i]) + 1e-7;
                assertTrue(Math.abs(want[i] - got[i]) <= tolerance, expected.name() + "[" + i + "]: " + want[i] + " vs " + got[i]);
            }
        }
    }
}
