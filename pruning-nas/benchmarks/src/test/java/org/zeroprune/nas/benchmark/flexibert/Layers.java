package org.zeroprune.nas.benchmark.flexibert;

import java.util.List;

/** Hand-made layers and architectures for tests. */
final class Layers {
    private Layers() {
    }

    static LayerSpec sdp(int heads, int width, int count) {
        return new LayerSpec(OperationType.SA, "SDP", heads, width, count);
    }

    static LayerSpec wma(int heads, int width, int count) {
        return new LayerSpec(OperationType.SA, "WMA", heads, width, count);
    }

    static LayerSpec dft(int heads, int width, int count) {
        return new LayerSpec(OperationType.LT, "DFT", heads, width, count);
    }

    static LayerSpec dsc(int kernel, int heads, int width, int count) {
        return new LayerSpec(OperationType.DSC, Integer.toString(kernel), heads, width, count);
    }

    static Architecture architecture(int hidden, LayerSpec... layers) {
        return new Architecture(hidden, List.of(layers));
    }
}
