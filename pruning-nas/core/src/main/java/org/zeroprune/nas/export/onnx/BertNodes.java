package org.zeroprune.nas.export.onnx;

import java.util.Arrays;
import java.util.List;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.checkpoint.CheckpointException;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * The building blocks every part of the BERT graph shares: a checkpoint tensor checked against the
 * shape the configuration implies, a Linear layer, a LayerNorm. Shapes are checked here because the
 * checkpoint may come from any step that folds new weights into it; a wrong shape must fail with
 * the tensor's name, not as an ONNX Runtime error on the user's side.
 */
final class BertNodes {
    private final NodeGraph graph;
    private final BertCheckpoint checkpoint;
    private final WeightProduct product;
    private final float eps;

    BertNodes(NodeGraph graph, BertCheckpoint checkpoint, WeightProduct product) {
        this.graph = graph;
        this.checkpoint = checkpoint;
        this.product = product;
        this.eps = (float) checkpoint.config().layerNormEps();
    }

    NodeGraph graph() {
        return graph;
    }

    BertConfig config() {
        return checkpoint.config();
    }

    /** The tensor {@code name} as an initializer, as stored, after checking its shape. */
    String tensor(String name, int... shape) {
        return graph.weight(name, checked(name, shape), false);
    }

    /**
     * {@code x · Wᵀ + b} of HF Linear {@code module} ({@code weight [out, in]}, {@code bias [out]}), the
     * product in this graph's form (float, or int8), the bias added after it in float.
     */
    String linear(String module, String x, int in, int out) {
        String times = product.times(graph, module, x, checked(module + ".weight", out, in));
        return graph.node("/" + module, "Add", List.of(times, tensor(module + ".bias", out)));
    }

    /** LayerNorm {@code module} ({@code weight} and {@code bias} of the hidden size) over the last axis. */
    String layerNorm(String module, String x) {
        int hidden = config().hiddenSize();
        return graph.node("/" + module, "LayerNormalization",
                List.of(x, tensor(module + ".weight", hidden), tensor(module + ".bias", hidden)),
                NodeGraph.intAttribute("axis", -1), NodeGraph.floatAttribute("epsilon", eps));
    }

    private Tensor checked(String name, int... shape) {
        Tensor t = checkpoint.tensor(name);
        if (!t.isFloat() || !Arrays.equals(t.shape(), shape)) {
            throw new CheckpointException(checkpoint.directory().resolve(BertCheckpoint.WEIGHTS), "tensor '"
                    + checkpoint.prefixFor(name) + "' is " + t.dtype() + Arrays.toString(t.shape()) + "; the ONNX export"
                    + " expects a float tensor of shape " + Arrays.toString(shape) + " from config.json (hidden_size "
                    + config().hiddenSize() + ", heads and FFN width per layer)");
        }
        return t;
    }
}
