package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

class ArchitectureModelBuilderTest {

    /** Weights of a module by the part of their name after {@code encoder.layer.L.}. */
    private static Map<String, WeightView> byName(ModuleView module, int layer) {
        String prefix = "encoder.layer." + layer + ".";
        return module.weights().stream().collect(Collectors.toMap(w -> w.name().substring(prefix.length()),
                Function.identity()));
    }

    private static void assertMatrix(WeightView w, WeightRole role, int rows, int cols, int rowUnit, int colUnit) {
        assertTrue(w.isMatrix(), w.name());
        assertEquals(role, w.role(), w.name());
        assertEquals(rows, w.rows(), w.name() + " rows");
        assertEquals(cols, w.cols(), w.name() + " cols");
        assertEquals(UnitCut.of(rowUnit), w.rowCut(), w.name() + " row cut");
        assertEquals(UnitCut.of(colUnit), w.colCut(), w.name() + " column cut");
    }

    private static void assertVector(WeightView w, int length, int unit, float value) {
        assertFalse(w.isMatrix(), w.name());
        assertEquals(length, w.rows(), w.name());
        assertEquals(UnitCut.of(unit), w.rowCut(), w.name());
        FloatBuffer data = w.data();
        while (data.hasRemaining()) {
            assertEquals(value, data.get(), w.name());
        }
    }

    @Test
    void scaledDotProductAttentionCutsQkvRowsAndOutputColumnsByHeadSize() {
        ModelView model = ArchitectureModelBuilder.withGaussianWeights("t", Layers.architecture(128, Layers.sdp(4, 512, 1)), 7);
        ModuleView attention = model.layer(0).attention();
        assertEquals("self-attention", attention.operation());
        assertEquals(ModuleKind.ATTENTION, attention.kind());
        assertEquals(4, attention.unitCount());
        Map<String, WeightView> w = byName(attention, 0);
        assertMatrix(w.get("attention.self.query.weight"), WeightRole.QUERY, 128, 128, 32, 0);
        assertMatrix(w.get("attention.self.key.weight"), WeightRole.KEY, 128, 128, 32, 0);
        assertMatrix(w.get("attention.self.value.weight"), WeightRole.VALUE, 128, 128, 32, 0);
        assertMatrix(w.get("attention.output.dense.weight"), WeightRole.ATTENTION_OUTPUT, 128, 128, 0, 32);
        assertVector(w.get("attention.self.query.bias"), 128, 32, 0f);
        assertVector(w.get("attention.output.dense.bias"), 128, 0, 0f);
        assertVector(w.get("attention.output.LayerNorm.weight"), 128, 0, 1f);
        assertVector(w.get("attention.output.LayerNorm.bias"), 128, 0, 0f);
        assertEquals(4, attention.matrices().size());
    }

    @Test
    void weightedAttentionAddsOneUncutBiasFreeMatrix() {
        ModelView model = ArchitectureModelBuilder.withGaussianWeights("t", Layers.architecture(256, Layers.wma(2, 512, 1)), 7);
        ModuleView attention = model.layer(0).attention();
        assertEquals("weighted-attention", attention.operation());
        assertEquals(2, attention.unitCount());
        Map<String, WeightView> w = byName(attention, 0);
        assertMatrix(w.get("attention.self.weighted.weight"), WeightRole.OTHER, 256, 256, 0, 0);
        assertFalse(w.containsKey("attention.self.weighted.bias"));
        assertMatrix(w.get("attention.self.query.weight"), WeightRole.QUERY, 256, 256, 128, 0);
        assertEquals(5, attention.matrices().size());
    }

    @Test
    void linearTransformHasOneInputLinearAndNoUnits() {
        ModelView model = ArchitectureModelBuilder.withGaussianWeights("t", Layers.architecture(128, Layers.dft(4, 512, 1)), 7);
        ModuleView attention = model.layer(0).attention();
        assertEquals("linear-transform", attention.operation());
        assertEquals(0, attention.unitCount());
        assertEquals(1, attention.matrices().size());
        assertMatrix(attention.matrices().get(0), WeightRole.OTHER, 128, 128, 0, 0);
        assertTrue(attention.weights().stream().noneMatch(x -> x.rowCut().isCut() || x.colCut().isCut()));
        assertEquals(0, PruningMask.dense(model).heads(0).size());
    }

    @Test
    void convolutionWithTwoHeadsHasOneConvolutionHeadOfHalfTheWidth() {
        // a = 2 → a' = 1 head of size d = H/a = 64; c = a'·d = 64; k = 5
        ModelView model = ArchitectureModelBuilder.withGaussianWeights("t", Layers.architecture(128, Layers.dsc(5, 2, 512, 1)), 7);
        ModuleView attention = model.layer(0).attention();
        assertEquals("convolution", attention.operation());
        assertEquals(1, attention.unitCount());
        Map<String, WeightView> w = byName(attention, 0);
        assertMatrix(w.get("attention.self.query.weight"), WeightRole.QUERY, 64, 128, 64, 0);
        assertMatrix(w.get("attention.self.key.weight"), WeightRole.KEY, 64, 128, 64, 0);
        assertMatrix(w.get("attention.self.value.weight"), WeightRole.VALUE, 64, 128, 64, 0);
        assertMatrix(w.get("attention.self.conv_out.weight"), WeightRole.OTHER, 64, 128, 64, 0);
        assertMatrix(w.get("attention.self.conv_kernel.weight"), WeightRole.OTHER, 5, 64, 5, 64);
        assertMatrix(w.get("attention.self.key_conv.depthwise.weight"), WeightRole.OTHER, 128, 5, 0, 0);
        assertMatrix(w.get("attention.self.key_conv.pointwise.weight"), WeightRole.OTHER, 64, 128, 64, 0);
        assertMatrix(w.get("attention.output.dense.weight"), WeightRole.ATTENTION_OUTPUT, 128, 128, 0, 0);
        assertVector(w.get("attention.self.conv_kernel.bias"), 5, 5, 0f);
        assertVector(w.get("attention.self.key_conv.pointwise.bias"), 64, 64, 0f);
        assertEquals(8, attention.matrices().size());
    }

    @Test
    void convolutionWithFourHeadsHasTwoConvolutionHeads() {
        // a = 4 → a' = 2 heads of size d = 64; c = 128; k = 9
        ModelView model = ArchitectureModelBuilder.withGaussianWeights("t", Layers.architecture(256, Layers.dsc(9, 4, 512, 1)), 7);
        ModuleView attention = model.layer(0).attention();
        assertEquals(2, attention.unitCount());
        Map<String, WeightView> w = byName(attention, 0);
        assertMatrix(w.get("attention.self.query.weight"), WeightRole.QUERY, 128, 256, 64, 0);
        assertMatrix(w.get("attention.self.conv_kernel.weight"), WeightRole.OTHER, 18, 128, 9, 64);
        assertMatrix(w.get("attention.self.key_conv.depthwise.weight"), WeightRole.OTHER, 256, 9, 0, 0);
    }

    @Test
    void threeStackedFeedForwardLayersAreCutOnBothAxes() {
        ModelView model = ArchitectureModelBuilder.withGaussianWeights("t", Layers.architecture(128, Layers.sdp(2, 512, 3)), 7);
        ModuleView ffn = model.layer(0).ffn();
        assertEquals("feed-forward", ffn.operation());
        assertEquals(ModuleKind.FFN, ffn.kind());
        assertEquals(512, ffn.unitCount());
        Map<String, WeightView> w = byName(ffn, 0);
        assertMatrix(w.get("intermediate.dense.weight"), WeightRole.FFN_INPUT, 512, 128, 1, 0);
        assertMatrix(w.get("intermediate.stack.0.dense.weight"), WeightRole.FFN_HIDDEN, 512, 512, 1, 1);
        assertMatrix(w.get("intermediate.stack.1.dense.weight"), WeightRole.FFN_HIDDEN, 512, 512, 1, 1);
        assertMatrix(w.get("output.dense.weight"), WeightRole.FFN_OUTPUT, 128, 512, 0, 1);
        assertVector(w.get("intermediate.stack.1.dense.bias"), 512, 1, 0f);
        assertVector(w.get("output.LayerNorm.weight"), 128, 0, 1f);
        assertEquals(4, ffn.matrices().size());
    }

    @Test
    void everyCutAxisIsExactlyUnitsTimesUnitSize() {
        Architecture mixed = Layers.architecture(256, Layers.sdp(4, 1024, 3), Layers.wma(2, 512, 1),
                Layers.dft(2, 512, 3), Layers.dsc(5, 2, 1024, 1), Layers.dsc(9, 4, 512, 3));
        ModelView model = ArchitectureModelBuilder.shapesOnly("mixed", mixed);
        for (LayerView layer : model.layers()) {
            for (ModuleView module : List.of(layer.attention(), layer.ffn())) {
                for (WeightView w : module.weights()) {
                    if (w.rowCut().isCut()) {
                        assertEquals(module.unitCount() * w.rowCut().unitSize(), w.rows(), w.name());
                    }
                    if (w.colCut().isCut()) {
                        assertEquals(module.unitCount() * w.colCut().unitSize(), w.cols(), w.name());
                    }
                }
            }
        }
        PruningMask.dense(model).checkFits(model);
        assertEquals(5, model.layerCount());
        assertEquals(256, model.hiddenSize());
    }

    @Test
    void weightsRepeatForASeedAndDifferAcrossSeeds() {
        Architecture a = Layers.architecture(128, Layers.sdp(2, 512, 1), Layers.dsc(5, 4, 512, 3));
        float[] first = values(ArchitectureModelBuilder.withGaussianWeights("a", a, 11));
        float[] again = values(ArchitectureModelBuilder.withGaussianWeights("a", a, 11));
        float[] other = values(ArchitectureModelBuilder.withGaussianWeights("a", a, 12));
        assertArrayEquals(first, again);
        assertNotEquals(first[0], other[0]);
    }

    @Test
    void weightsAreCentredWithStandardDeviationPointZeroTwo() {
        float[] v = values(ArchitectureModelBuilder.withGaussianWeights("a",
                Layers.architecture(256, Layers.sdp(4, 1024, 3)), 3));
        double sum = 0;
        double squares = 0;
        for (float x : v) {
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / v.length;
        double sd = Math.sqrt(squares / v.length - mean * mean);
        // 2.6 million draws: the sample sd is within 1e-4 of 0.02 with overwhelming probability
        assertEquals(0.0, mean, 1e-4);
        assertEquals(0.02, sd, 1e-4);
    }

    @Test
    void shapeOnlyWeightsHaveNoValues() {
        ModelView model = ArchitectureModelBuilder.shapesOnly("s", Layers.architecture(128, Layers.sdp(2, 512, 1)));
        WeightView query = model.layer(0).attention().matrices().get(0);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, query::data);
        assertTrue(e.getMessage().contains("query"), e.getMessage());
    }

    @Test
    void headsMustDivideTheHiddenSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Layers.architecture(100, Layers.sdp(3, 512, 1)));
        assertTrue(e.getMessage().contains("num_operation_heads"), e.getMessage());
    }

    /** Every matrix entry of the model, in layer and weight order. */
    private static float[] values(ModelView model) {
        int total = 0;
        for (LayerView layer : model.layers()) {
            for (WeightView w : layer.attention().matrices()) {
                total += w.rows() * w.cols();
            }
            for (WeightView w : layer.ffn().matrices()) {
                total += w.rows() * w.cols();
            }
        }
        float[] out = new float[total];
        FloatBuffer target = FloatBuffer.wrap(out);
        for (LayerView layer : model.layers()) {
            layer.attention().matrices().forEach(w -> target.put(w.data()));
            layer.ffn().matrices().forEach(w -> target.put(w.data()));
        }
        return out;
    }
}
