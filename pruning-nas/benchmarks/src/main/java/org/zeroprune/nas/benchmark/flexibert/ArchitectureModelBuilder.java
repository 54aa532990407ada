package org.zeroprune.nas.benchmark.flexibert;

import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.model.SimpleLayer;
import org.zeroprune.nas.model.SimpleModule;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * Builds a FlexiBERT architecture as a {@link ModelView}, layer by layer, with hidden size {@code H},
 * and per layer {@code a} heads of size {@code d = H/a}, FFN width {@code D} and {@code n} stacked
 * FFN layers. Every matrix is in the {@code [out, in]} layout of {@link WeightView}; names follow
 * HuggingFace's BERT ({@code encoder.layer.L.attention.self.query.weight}, ...).
 *
 * <p>Token-mixing module ({@link ModuleKind#ATTENTION}), then its residual LayerNorm (γ, β of
 * length {@code H}):
 * <ul>
 *   <li>SA/SDP, operation {@code self-attention}, {@code a} units: Q, K, V {@code [H, H]} with rows
 *       cut by {@code d}, their biases cut by {@code d}; output {@code [H, H]} with columns cut by
 *       {@code d}, bias {@code H}.
 *   <li>SA/WMA, operation {@code weighted-attention}: the same plus one bias-free {@code [H, H]}
 *       weight of role {@link WeightRole#OTHER}, not cut.
 *   <li>LT (DFT or DCT), operation {@code linear-transform}, 0 units: one input linear
 *       {@code [H, H]} (role OTHER) and its bias; the transform itself has no weights and there is
 *       no learned output projection. Nothing is cut.
 *   <li>DSC with kernel {@code k}, operation {@code convolution}, {@code a' = max(1, a/2)} units
 *       (convolution heads of size {@code d}), {@code c = a'·d}:
 *       Q, K, V {@code [c, H]} (role QUERY/KEY/VALUE) and {@code conv_out} {@code [c, H]}, rows cut by
 *       {@code d}, biases {@code c} cut by {@code d};
 *       {@code conv_kernel} {@code [a'·k, c]} (rows cut by {@code k}, columns by {@code d}), bias
 *       {@code a'·k} cut by {@code k};
 *       depthwise kernel {@code [H, k]} (channels × taps, not cut);
 *       pointwise {@code [c, H]} (rows cut by {@code d}), bias {@code c} cut by {@code d};
 *       output dense {@code [H, H]} (role ATTENTION_OUTPUT, not cut), bias {@code H}.
 *       DESIGN.md writes the Q/K/V/conv_out, conv_kernel and pointwise shapes in the {@code [in, out]}
 *       orientation ({@code H×c}, {@code c×a'k}, {@code H×c}); here they are transposed to
 *       {@code [out, in]} like every other matrix, with the same axes cut. Row-or-column orientation
 *       changes neither parameter counts, MACs nor singular values.
 * </ul>
 *
 * <p>FFN module ({@link ModuleKind#FFN}, operation {@code feed-forward}, {@code D} units):
 * {@code [D, H]} (FFN_INPUT, rows cut by 1) and bias {@code D}; then {@code n − 1} matrices
 * {@code [D, D]} (FFN_HIDDEN, both axes cut by 1) with biases {@code D}; then {@code [H, D]}
 * (FFN_OUTPUT, columns cut by 1) and bias {@code H}; then the LayerNorm.
 *
 * <p>The weights are made by a {@link WeightFactory} in the order above, layer after layer.
 */
public final class ArchitectureModelBuilder {
    /** Standard deviation of the initial weights, as HuggingFace's BERT initialises them. */
    public static final double INIT_STD = 0.02;

    private ArchitectureModelBuilder() {
    }

    /** {@code architecture} with weights drawn from {@code N(0, 0.02²)} seeded by {@code seed}. */
    public static ModelView withGaussianWeights(String name, Architecture architecture, long seed) {
        return build(name, architecture, new GaussianWeights(seed, INIT_STD));
    }

    /** {@code architecture} with shapes only, to count its costs (its weights have no values). */
    public static ModelView shapesOnly(String name, Architecture architecture) {
        return build(name, architecture, new ShapeOnlyWeights());
    }

    /** {@code architecture} with weights from {@code weights}. */
    public static ModelView build(String name, Architecture architecture, WeightFactory weights) {
        int hidden = architecture.hiddenSize();
        List<LayerView> layers = new ArrayList<>(architecture.depth());
        for (int l = 0; l < architecture.depth(); l++) {
            LayerSpec spec = architecture.layers().get(l);
            Names names = new Names("encoder.layer." + l + ".");
            ModuleView mixing = switch (spec.operation()) {
                case SA -> attention(names, hidden, spec, weights);
                case LT -> linearTransform(names, hidden, weights);
                case DSC -> convolution(names, hidden, spec, weights);
            };
            layers.add(new SimpleLayer(l, mixing, feedForward(names, hidden, spec, weights)));
        }
        return new ArchitectureModel(name, hidden, layers);
    }

    private static ModuleView attention(Names n, int hidden, LayerSpec spec, WeightFactory w) {
        UnitCut head = UnitCut.of(hidden / spec.heads());
        List<WeightView> list = new ArrayList<>();
        list.add(w.matrix(n.of("attention.self.query.weight"), WeightRole.QUERY, hidden, hidden, head, UnitCut.NONE));
        list.add(w.vector(n.of("attention.self.query.bias"), WeightRole.QUERY, true, hidden, head, 0f));
        list.add(w.matrix(n.of("attention.self.key.weight"), WeightRole.KEY, hidden, hidden, head, UnitCut.NONE));
        list.add(w.vector(n.of("attention.self.key.bias"), WeightRole.KEY, true, hidden, head, 0f));
        list.add(w.matrix(n.of("attention.self.value.weight"), WeightRole.VALUE, hidden, hidden, head, UnitCut.NONE));
        list.add(w.vector(n.of("attention.self.value.bias"), WeightRole.VALUE, true, hidden, head, 0f));
        if (spec.isWeightedAttention()) {
            list.add(w.matrix(n.of("attention.self.weighted.weight"), WeightRole.OTHER, hidden, hidden, UnitCut.NONE,
                    UnitCut.NONE));
        }
        list.add(w.matrix(n.of("attention.output.dense.weight"), WeightRole.ATTENTION_OUTPUT, hidden, hidden,
                UnitCut.NONE, head));
        list.add(w.vector(n.of("attention.output.dense.bias"), WeightRole.ATTENTION_OUTPUT, true, hidden, UnitCut.NONE,
                0f));
        addNorm(list, n.of("attention.output.LayerNorm."), hidden, w);
        String operation = spec.isWeightedAttention() ? "weighted-attention" : "self-attention";
        return new SimpleModule(ModuleKind.ATTENTION, operation, spec.heads(), list);
    }

    private static ModuleView linearTransform(Names n, int hidden, WeightFactory w) {
        List<WeightView> list = new ArrayList<>();
        list.add(w.matrix(n.of("attention.transform.input.weight"), WeightRole.OTHER, hidden, hidden, UnitCut.NONE,
                UnitCut.NONE));
        list.add(w.vector(n.of("attention.transform.input.bias"), WeightRole.OTHER, true, hidden, UnitCut.NONE, 0f));
        addNorm(list, n.of("attention.output.LayerNorm."), hidden, w);
        return new SimpleModule(ModuleKind.ATTENTION, "linear-transform", 0, list);
    }

    private static ModuleView convolution(Names n, int hidden, LayerSpec spec, WeightFactory w) {
        int heads = spec.convolutionHeads();
        int headSize = hidden / spec.heads();
        int channels = heads * headSize;
        int kernel = spec.kernelSize();
        UnitCut head = UnitCut.of(headSize);
        UnitCut taps = UnitCut.of(kernel);
        List<WeightView> list = new ArrayList<>();
        String self = "attention.self.";
        addProjection(list, n.of(self + "query."), WeightRole.QUERY, channels, hidden, head, w);
        addProjection(list, n.of(self + "key."), WeightRole.KEY, channels, hidden, head, w);
        addProjection(list, n.of(self + "value."), WeightRole.VALUE, channels, hidden, head, w);
        addProjection(list, n.of(self + "conv_out."), WeightRole.OTHER, channels, hidden, head, w);
        list.add(w.matrix(n.of(self + "conv_kernel.weight"), WeightRole.OTHER, heads * kernel, channels, taps, head));
        list.add(w.vector(n.of(self + "conv_kernel.bias"), WeightRole.OTHER, true, heads * kernel, taps, 0f));
        list.add(w.matrix(n.of(self + "key_conv.depthwise.weight"), WeightRole.OTHER, hidden, kernel, UnitCut.NONE,
                UnitCut.NONE));
        addProjection(list, n.of(self + "key_conv.pointwise."), WeightRole.OTHER, channels, hidden, head, w);
        list.add(w.matrix(n.of("attention.output.dense.weight"), WeightRole.ATTENTION_OUTPUT, hidden, hidden,
                UnitCut.NONE, UnitCut.NONE));
        list.add(w.vector(n.of("attention.output.dense.bias"), WeightRole.ATTENTION_OUTPUT, true, hidden, UnitCut.NONE,
                0f));
        addNorm(list, n.of("attention.output.LayerNorm."), hidden, w);
        return new SimpleModule(ModuleKind.ATTENTION, "convolution", heads, list);
    }

    private static ModuleView feedForward(Names n, int hidden, LayerSpec spec, WeightFactory w) {
        int width = spec.ffnWidth();
        UnitCut neuron = UnitCut.of(1);
        List<WeightView> list = new ArrayList<>();
        list.add(w.matrix(n.of("intermediate.dense.weight"), WeightRole.FFN_INPUT, width, hidden, neuron, UnitCut.NONE));
        list.add(w.vector(n.of("intermediate.dense.bias"), WeightRole.FFN_INPUT, true, width, neuron, 0f));
        for (int i = 1; i < spec.ffnCount(); i++) {
            String prefix = "intermediate.stack." + (i - 1) + ".dense.";
            list.add(w.matrix(n.of(prefix + "weight"), WeightRole.FFN_HIDDEN, width, width, neuron, neuron));
            list.add(w.vector(n.of(prefix + "bias"), WeightRole.FFN_HIDDEN, true, width, neuron, 0f));
        }
        list.add(w.matrix(n.of("output.dense.weight"), WeightRole.FFN_OUTPUT, hidden, width, UnitCut.NONE, neuron));
        list.add(w.vector(n.of("output.dense.bias"), WeightRole.FFN_OUTPUT, true, hidden, UnitCut.NONE, 0f));
        addNorm(list, n.of("output.LayerNorm."), hidden, w);
        return new SimpleModule(ModuleKind.FFN, "feed-forward", width, list);
    }

    /** A {@code [rows, cols]} projection with rows and bias cut by {@code cut}. */
    private static void addProjection(List<WeightView> list, String prefix, WeightRole role, int rows, int cols,
            UnitCut cut, WeightFactory w) {
        list.add(w.matrix(prefix + "weight", role, rows, cols, cut, UnitCut.NONE));
        list.add(w.vector(prefix + "bias", role, true, rows, cut, 0f));
    }

    private static void addNorm(List<WeightView> list, String prefix, int hidden, WeightFactory w) {
        list.add(w.vector(prefix + "weight", WeightRole.NORM_WEIGHT, false, hidden, UnitCut.NONE, 1f));
        list.add(w.vector(prefix + "bias", WeightRole.NORM_BIAS, false, hidden, UnitCut.NONE, 0f));
    }

    private record Names(String layerPrefix) {
        String of(String suffix) {
            return layerPrefix + suffix;
        }
    }
}
