package org.zeroprune.nas.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zeroprune.nas.model.BertModelView;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

class CheckpointReadTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"F32,false", "F32,true", "F16,false", "BF16,true"})
    void readsTensorsConfigAndLayoutInEveryDtypeAndKeyLayout(DType dtype, boolean prefix) throws Exception {
        TinyBert tiny = new TinyBert();
        tiny.dtype = dtype;
        tiny.bertPrefix = prefix;
        tiny.write(dir);

        BertCheckpoint checkpoint = BertCheckpoint.read(dir);
        assertEquals(prefix ? "bert." : "", checkpoint.prefix());
        assertEquals(tiny.layers, checkpoint.config().layers());
        assertEquals(tiny.hidden / tiny.heads, checkpoint.config().headSize());
        double tolerance = dtype == DType.F32 ? 0 : dtype == DType.F16 ? 1e-3 : 1e-2;
        for (var entry : tiny.values.entrySet()) {
            Tensor t = checkpoint.tensor(entry.getKey());
            assertEquals(dtype, t.dtype(), entry.getKey());
            assertArrayEquals(tiny.shapes.get(entry.getKey()), t.shape(), entry.getKey());
            float[] read = t.toFloatArray();
            for (int i = 0; i < read.length; i++) {
                float expected = entry.getValue()[i];
                assertEquals(expected, read[i], tolerance * Math.max(1, Math.abs(expected)), entry.getKey() + "[" + i + "]");
            }
        }
        // the integer buffer is carried along but is not a parameter
        assertEquals(DType.I64, checkpoint.tensor("embeddings.position_ids").dtype());
        long expectedParams = tiny.values.values().stream().mapToLong(v -> v.length).sum();
        assertEquals(expectedParams, checkpoint.parameterCount());
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void viewDescribesHeadsAndNeuronsAndHowTheyCutEachWeight(boolean prefix) throws Exception {
        TinyBert tiny = new TinyBert();
        tiny.bertPrefix = prefix;
        tiny.write(dir);
        BertModelView view = new BertModelView(BertCheckpoint.read(dir));
        assertEquals(tiny.layers, view.layerCount());
        ModuleView attention = view.layer(1).attention();
        assertEquals(tiny.heads, attention.unitCount());
        WeightView query = attention.weight(WeightRole.QUERY).orElseThrow();
        assertEquals(UnitCut.of(tiny.hidden / tiny.heads), query.rowCut());
        assertEquals(UnitCut.NONE, query.colCut());
        WeightView out = attention.weight(WeightRole.ATTENTION_OUTPUT).orElseThrow();
        assertEquals(UnitCut.NONE, out.rowCut());
        assertEquals(UnitCut.of(tiny.hidden / tiny.heads), out.colCut());
        ModuleView ffn = view.layer(0).ffn();
        assertEquals(tiny.intermediate, ffn.unitCount());
        assertEquals(2, ffn.matrices().size());
        assertEquals(UnitCut.of(1), ffn.weight(WeightRole.FFN_OUTPUT).orElseThrow().colCut());
        float[] row = new float[tiny.hidden];
        query.copyRow(3, row);
        assertEquals(tiny.values.get("encoder.layer.1.attention.self.query.weight")[3 * tiny.hidden + 5], row[5]);
        assertTrue(view.extraWeight("embeddings.word_embeddings.weight").isPresent());
        assertTrue(view.extraWeight("encoder.layer.0.output.dense.weight").isEmpty());
    }
}
