package org.zeroprune.nas.export.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.UnsafeByteOperations;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.io.AtomicFiles;

/**
 * Serialises a {@link NodeGraph} as an ONNX model file. The weights go inside the file unless
 * together they pass {@code inlineLimit} (protobuf cannot hold a message of 2 GiB or more): then
 * every weight goes to {@code model.onnx.data} beside it, page-aligned so that runtimes may map
 * it, and the model refers to it by offset and length (ONNX's external data). Each file is
 * written under a temporary name and renamed, so a reader never sees half a file.
 */
final class ModelFile {
    /** ONNX IR version 8 goes with opset 17 (ONNX 1.12). */
    static final long IR_VERSION = 8;
    static final int OPSET = 17;
    private static final long ALIGNMENT = 4096;

    private ModelFile() {
    }

    /**
     * Writes {@code graph} as {@code directory/name} (and its data file when the weights pass
     * {@code inlineLimit} bytes).
     *
     * @param metadata key-value pairs stored in the model's {@code metadata_props}
     * @return the model file
     */
    static Path write(NodeGraph graph, Path directory, String name, long inlineLimit, Map<String, String> metadata) {
        Path model = directory.resolve(name);
        Path data = directory.resolve(name + ".data");
        long total = graph.weights().stream().mapToLong(NodeGraph.Weight::bytes).sum();
        GraphProto.Builder proto = graph.proto().setName("zeroprune_bert");
        if (total <= inlineLimit) {
            for (NodeGraph.Weight w : graph.weights()) {
                proto.addInitializer(header(w).setRawData(UnsafeByteOperations.unsafeWrap(w.data().get())));
            }
        } else {
            proto.addAllInitializer(writeData(graph.weights(), data));
        }
        ModelProto.Builder m = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("zeroprune")
                .setProducerVersion(version()).setDomain("org.zeroprune")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET)).setGraph(proto);
        metadata.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        ModelProto built = m.build();
        List<String> problems = OnnxModelCheck.problems(built, directory);
        if (!problems.isEmpty()) {
            throw new ZeroPruneException("the ONNX graph built for " + model + " fails its own check (a zeroprune bug): "
                    + problems.get(0) + (problems.size() > 1 ? " and " + (problems.size() - 1) + " more" : ""));
        }
        AtomicFiles.write(model, target -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
                built.writeTo(out);
            }
        });
        if (total <= inlineLimit) {
            AtomicFiles.deleteRecursively(data);
        }
        return model;
    }

    private static TensorProto.Builder header(NodeGraph.Weight w) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(w.name()).setDataType(w.dataType());
        for (long d : w.dims()) {
            t.addDims(d);
        }
        return t;
    }

    /** Writes every weight into {@code data}; returns the initializers that point into it. */
    private static List<TensorProto> writeData(List<NodeGraph.Weight> weights, Path data) {
        List<TensorProto> initializers = new ArrayList<>();
        AtomicFiles.write(data, target -> {
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long offset = 0;
                for (NodeGraph.Weight w : weights) {
                    offset = (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
                    ByteBuffer bytes = w.data().get();
                    long length = bytes.remaining();
                    long position = offset;
                    while (bytes.hasRemaining()) {
                        position += out.write(bytes, position);
                    }
                    initializers.add(header(w).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                            .addExternalData(entry("location", data.getFileName().toString()))
                            .addExternalData(entry("offset", Long.toString(offset)))
                            .addExternalData(entry("length", Long.toString(length))).build());
                    offset += length;
                }
            }
        });
        return initializers;
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static String version() {
        String v = ModelFile.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
