package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.zeroprune.nas.cost.ModuleCost;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/** Parameter counts and MACs of built architectures against hand computations. */
class ArchitectureCostTest {
    private static final int T = 128;

    private static long params(Architecture a) {
        return new ViewCostModel(ArchitectureModelBuilder.shapesOnly("a", a), T).denseParams();
    }

    /** FFN with hidden size h, width d, n stacked layers: weights, biases and LayerNorm. */
    private static long ffnParams(long h, long d, int n) {
        return (h * d + d) + (n - 1) * (d * d + d) + (d * h + h) + 2 * h;
    }

    @Test
    void smallArchitectureWithAttentionAndLinearTransform() {
        // layer 0: SA/SDP, H = 128: Q, K, V, O 128x128 with biases, LayerNorm
        long attention = 4 * (128L * 128 + 128) + 2 * 128;
        assertEquals(66_304, attention);
        // layer 1: LT: one 128x128 input linear with bias, LayerNorm
        long transform = 128L * 128 + 128 + 2 * 128;
        assertEquals(16_768, transform);
        assertEquals(131_968, ffnParams(128, 512, 1));
        assertEquals(2_362_752, ffnParams(128, 1024, 3));
        long expected = attention + ffnParams(128, 512, 1) + transform + ffnParams(128, 1024, 3);
        assertEquals(2_577_792, expected);
        assertEquals(expected, params(Layers.architecture(128, Layers.sdp(2, 512, 1), Layers.dft(4, 1024, 3))));
    }

    @Test
    void convolutionAndWeightedAttention() {
        // layer 0: DSC k = 9, a = 4 → a' = 2, d = 64, c = 128, H = 256
        long qkvConvOut = 4 * (128L * 256 + 128);
        long convKernel = 18L * 128 + 18;
        long depthwise = 256L * 9;
        long pointwise = 128L * 256 + 128;
        long output = 256L * 256 + 256;
        long convolution = qkvConvOut + convKernel + depthwise + pointwise + output + 2 * 256;
        assertEquals(235_410, convolution);
        // layer 1: SA/WMA: Q, K, V, O with biases and the bias-free weighted matrix, LayerNorm
        long weighted = 4 * (256L * 256 + 256) + 256L * 256 + 2 * 256;
        assertEquals(329_216, weighted);
        long expected = convolution + weighted + 2 * ffnParams(256, 512, 1);
        assertEquals(1_091_474, expected);
        assertEquals(expected, params(Layers.architecture(256, Layers.dsc(9, 4, 512, 1), Layers.wma(4, 512, 1))));
    }

    @Test
    void selfAttentionMacsStayBertsCount() {
        ModelView model = ArchitectureModelBuilder.shapesOnly("a", Layers.architecture(256, Layers.sdp(4, 512, 1)));
        ModuleCost cost = new ModuleCost(model.layer(0).attention(), T);
        int h = 256;
        int d = 64;
        for (int kept = 0; kept <= 4; kept++) {
            assertEquals(4L * h * d * kept + 2L * T * d * kept, cost.macs(kept), "kept " + kept);
        }
        ModuleCost ffn = new ModuleCost(model.layer(0).ffn(), T);
        assertEquals(2L * h * 300, ffn.macs(300));
    }

    @Test
    void weightedAttentionAddsItsMatrixAndTheSameSequenceMacs() {
        ModelView model = ArchitectureModelBuilder.shapesOnly("a", Layers.architecture(128, Layers.wma(2, 512, 1)));
        ModuleCost cost = new ModuleCost(model.layer(0).attention(), T);
        assertEquals(4L * 128 * 64 * 2 + 128L * 128 + 2L * T * 64 * 2, cost.macs(2));
    }

    @Test
    void linearTransformCostsHLog2TPerTokenForItsTransform() {
        ModelView model = ArchitectureModelBuilder.shapesOnly("a", Layers.architecture(128, Layers.dft(2, 512, 1)));
        ModuleCost cost = new ModuleCost(model.layer(0).attention(), T);
        assertEquals(0, cost.units());
        assertEquals(128L * 128 + 128L * 7, cost.macs(0));
    }

    @Test
    void convolutionAddsTheDynamicConvolutionPerKeptHead() {
        // a = 2 → a' = 1, d = 64, c = 64, k = 5, H = 128
        ModelView model = ArchitectureModelBuilder.shapesOnly("a", Layers.architecture(128, Layers.dsc(5, 2, 512, 1)));
        ModuleCost cost = new ModuleCost(model.layer(0).attention(), T);
        long matrices = 4L * 64 * 128 + 5L * 64 + 128L * 5 + 64L * 128 + 128L * 128;
        assertEquals(58_304, matrices);
        assertEquals(matrices + 5L * 64, cost.macs(1));
        // with no head kept only the uncut depthwise kernel and output dense remain
        assertEquals(128L * 5 + 128L * 128, cost.macs(0));
    }

    @Test
    void candidateParameterCountIsTheDenseParameterCount() {
        Architecture a = Layers.architecture(128, Layers.sdp(2, 512, 1), Layers.dft(4, 1024, 3));
        ArchitectureCandidate candidate = new ArchitectureCandidate("c", a, 5, T);
        assertEquals(2_577_792, candidate.parameterCount());
        ModelView model = candidate.model();
        assertEquals(PruningMask.dense(model), candidate.mask());
    }
}
