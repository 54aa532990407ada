package org.zeroprune.nas.importer;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * The BERT tensors of an ONNX graph under their HF names: the named initializers as they are,
 * and the anonymous Linear weights named by {@link LinearWeightNames} and transposed from the
 * MatMul layout {@code [in, out]} to HF's {@code [out, in]}.
 */
final class ImportedWeights {
    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");
    private final String source;
    private final OnnxGraph graph;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    // weights that could not be named, quoted when the graph turns out not to be a BERT export
    private final List<String> unnamed = new ArrayList<>();

    private ImportedWeights(String source, OnnxGraph graph) {
        this.source = source;
        this.graph = graph;
    }

    /** The tensors of {@code graph}; {@code source} names it in messages. */
    static ImportedWeights collect(String source, OnnxGraph graph) {
        ImportedWeights weights = new ImportedWeights(source, graph);
        weights.collectNamed();
        weights.collectAnonymousLinears();
        return weights;
    }

    /** One more than the highest layer index among the tensors' names ({@code encoder.layer.N.*}); 0 for none. */
    int layerCount() {
        int count = 0;
        for (String name : tensors.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return count;
    }

    /** The tensors by HF name, in the order found. */
    Map<String, Tensor> tensors() {
        return tensors;
    }

    private void collectNamed() {
        for (TensorProto t : graph.initializers().values()) {
            String name = t.getName().startsWith(BertNames.BERT_PREFIX) ? t.getName().substring(5) : t.getName();
            if (!(name.startsWith("embeddings.") || name.startsWith("encoder.") || name.startsWith("pooler."))) {
                continue;
            }
            if (OnnxTensors.isFloating(t)) {
                tensors.put(name, Tensor.ofFloats(name, OnnxTensors.shape(t), OnnxTensors.floats(t)));
            } else if (t.getDataType() == OnnxTensors.INT64) {
                tensors.put(name, Tensor.ofRaw(name, DType.I64, OnnxTensors.shape(t), OnnxTensors.int64Bytes(t)));
            }
        }
    }

    private void collectAnonymousLinears() {
        for (NodeProto node : graph.nodes()) {
            boolean matmul = node.getOpType().equals("MatMul");
            boolean gemm = node.getOpType().equals("Gemm");
            if ((!matmul && !gemm) || node.getInputCount() < 2) {
                continue;
            }
            Optional<TensorProto> weight = graph.initializer(node.getInput(1));
            if (weight.isEmpty() || weight.get().getDimsCount() != 2) {
                continue;
            }
            String stored = weight.get().getName();
            String named = stored.startsWith(BertNames.BERT_PREFIX) ? stored.substring(5) : stored;
            if (tensors.containsKey(named) && !gemm) {
                continue;
            }
            Optional<String> found = LinearWeightNames.of(graph, node);
            if (found.isEmpty()) {
                // not a BERT weight (or not one we can name); a missing BERT tensor is reported later
                unnamed.add("'" + stored + "' of node '" + node.getName() + "'");
                continue;
            }
            String hfName = found.get();
            boolean transposed = matmul || !gemmTransB(node);
            int[] shape = OnnxTensors.shape(weight.get());
            float[] values = OnnxTensors.floats(weight.get());
            if (transposed) {
                values = OnnxTensors.transpose(values, shape[0], shape[1]);
                shape = new int[] {shape[1], shape[0]};
            }
            tensors.remove(named);
            tensors.put(hfName, Tensor.ofFloats(hfName, shape, values));
        }
    }

    private static boolean gemmTransB(NodeProto node) {
        return node.getAttributeList().stream().anyMatch(a -> a.getName().equals("transB") && a.getI() == 1);
    }

    /** Fails unless every tensor of the embeddings' LayerNorm and of {@code layerCount} layers is present. */
    void checkComplete(int layerCount) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(BertNames.EMBEDDINGS_NORM_WEIGHT, BertNames.EMBEDDINGS_NORM_BIAS)) {
            if (!tensors.containsKey(name)) {
                missing.add(name);
            }
        }
        for (int layer = 0; layer < layerCount; layer++) {
            for (String kind : List.of("weight", "bias")) {
                for (String name : List.of(BertNames.query(layer, kind), BertNames.key(layer, kind), BertNames.value(layer, kind),
                        BertNames.attentionOutput(layer, kind), BertNames.attentionNorm(layer, kind),
                        BertNames.intermediate(layer, kind), BertNames.output(layer, kind), BertNames.outputNorm(layer, kind))) {
                    if (!tensors.containsKey(name)) {
                        missing.add(name);
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw notBert("no initializer maps to " + (missing.size() > 4 ? missing.subList(0, 4) + " and "
                    + (missing.size() - 4) + " more" : missing));
        }
    }

    /** The tensor named {@code name}; a graph without it is not a BERT export. */
    Tensor required(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw notBert("no initializer named '" + name + "'");
        }
        return t;
    }

    /** Why the graph is not a BERT export: {@code detail}, the graph's operators and the weights left unnamed. */
    OnnxImportException notBert(String detail) {
        TreeSet<String> ops = new TreeSet<>();
        graph.nodes().forEach(n -> ops.add(n.getOpType()));
        return new OnnxImportException(source + ": not a BERT encoder export: " + detail + ". Expected HF BERT names"
                + " (embeddings.*, encoder.layer.N.*); the graph has " + graph.initializers().size()
                + " initializers and the operators " + ops + (unnamed.isEmpty() ? "" : "; MatMul weights that could not"
                + " be named after a bias or a BERT scope: " + (unnamed.size() > 3 ? unnamed.subList(0, 3) + " and "
                + (unnamed.size() - 3) + " more" : unnamed)));
    }
}
