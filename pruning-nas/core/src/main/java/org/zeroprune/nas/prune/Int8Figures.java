package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.zeroprune.nas.export.Quantization;
import org.zeroprune.nas.onnxruntime.CpuInstructionSet;

/**
 * The summary's {@code int8} entry: where {@code model_qint8.onnx} is, how large beside {@code model.onnx},
 * its weight form, the CPU's int8 instruction set (int8 speed depends on it more than float speed
 * does) and, when timed, its latency against the dense float model.
 */
final class Int8Figures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Int8Figures() {
    }

    /**
     * @param published where the int8 file will be once the output is published
     * @param int8File the int8 file as written
     * @param floatFile {@code model.onnx} beside it
     */
    static ObjectNode of(Path published, Path int8File, Path floatFile, Quantization quantization,
            Optional<ObjectNode> latency) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", published.toAbsolutePath().toString());
        try {
            node.put("bytes", Files.size(int8File));
            node.put("floatBytes", Files.size(floatFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of the model just written: " + e.getMessage(), e);
        }
        node.put("form", "ONNX Runtime dynamic int8: uint8 activations quantized per batch, int8 weights symmetric per"
                + " output channel (" + (quantization.reduceRange() ? "+-63" : "+-127") + ")");
        node.put("reduceRange", quantization.reduceRange());
        CpuInstructionSet cpu = CpuInstructionSet.current();
        node.put("cpu", cpu.model());
        node.put("int8InstructionSet", cpu.int8());
        latency.ifPresent(l -> node.set("onnxLatency", l));
        return node;
    }
}
