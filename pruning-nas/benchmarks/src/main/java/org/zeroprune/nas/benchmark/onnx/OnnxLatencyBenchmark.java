package org.zeroprune.nas.benchmark.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.cost.ViewCostModel;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.io.ResultFile;
import org.zeroprune.nas.latency.OrtLatency;
import org.zeroprune.nas.model.BertModelView;
import org.zeroprune.nas.model.ModelSource;

/**
 * Dense against pruned in ONNX Runtime, where the models are deployed: for every batch shape and
 * intra-op thread count, the median of alternating runs of both {@code model.onnx} files in this
 * process. The dense model goes through the same export as the pruned one, so that the two graphs
 * differ only in their widths; the MACs ratio at the benchmark's sequence length is printed beside
 * the speed-up.
 */
public final class OnnxLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxLatencyBenchmark() {
    }

    /**
     * One batch shape at one thread count.
     *
     * @param batch sequences per batch
     * @param length tokens per sequence
     * @param threads intra-op threads
     * @param denseMs median milliseconds of the dense model
     * @param prunedMs median milliseconds of the pruned model
     */
    public record Cell(int batch, int length, int threads, double denseMs, double prunedMs) {
        /** Dense over pruned. */
        public double speedup() {
            return denseMs / prunedMs;
        }
    }

    /**
     * The benchmark's results.
     *
     * @param dense where the dense model came from
     * @param pruned the pruned checkpoint directory
     * @param macsRatio the pruned model's encoder MACs over the dense model's, at the first shape's length
     * @param runs timed runs per model and cell
     * @param cells every shape and thread count
     */
    public record Report(String dense, Path pruned, double macsRatio, int runs, List<Cell> cells) {
    }

    /**
     * Times {@code prunedDir}'s {@code model.onnx} (exported now if the directory has only
     * safetensors) against {@code denseSpec}'s export.
     *
     * @param shapes {@code {batch, length}} pairs
     */
    public static Report run(Path prunedDir, String denseSpec, List<int[]> shapes, List<Integer> threads, int runs) {
        BertCheckpoint dense = ModelSource.load(denseSpec).checkpoint();
        for (int[] shape : shapes) {
            if (shape[1] > dense.config().maxPositions()) {
                throw new ZeroPruneException("--shapes " + shape[0] + "x" + shape[1] + ": " + shape[1] + " tokens exceed the"
                        + " model's " + dense.config().maxPositions() + " positions (max_position_embeddings of "
                        + dense.directory() + "); choose at most " + dense.config().maxPositions() + " tokens");
            }
        }
        Path work = AtomicFiles.temporaryDirectory("onnx-bench");
        try {
            Path denseOnnx = OnnxExport.write(dense, Files.createDirectory(work.resolve("dense")));
            Path prunedOnnx = prunedDir.resolve(OnnxExport.FILE);
            BertCheckpoint pruned = Files.exists(prunedDir.resolve(BertCheckpoint.WEIGHTS)) ? BertCheckpoint.read(prunedDir) : null;
            if (!Files.isRegularFile(prunedOnnx)) {
                if (pruned == null) {
                    throw new ZeroPruneException(prunedDir + ": neither " + OnnxExport.FILE + " nor " + BertCheckpoint.WEIGHTS
                            + "; expected a model directory written by prune or export");
                }
                prunedOnnx = OnnxExport.write(pruned, Files.createDirectory(work.resolve("pruned")));
            }
            int length = shapes.get(0)[1];
            double macsRatio = pruned == null ? Double.NaN
                    : (double) new ViewCostModel(new BertModelView(pruned), length).denseMacs()
                            / new ViewCostModel(new BertModelView(dense), length).denseMacs();
            List<Cell> cells = new java.util.ArrayList<>();
            for (int[] shape : shapes) {
                for (int t : threads) {
                    double[] ms = OrtLatency.compareMillis(denseOnnx, prunedOnnx, shape[0], shape[1], t,
                            dense.config().vocabSize(), runs);
                    cells.add(new Cell(shape[0], shape[1], t, ms[0], ms[1]));
                }
            }
            return new Report(denseSpec, prunedDir, macsRatio, runs, cells);
        } catch (IOException e) {
            throw new ZeroPruneException("cannot write the ONNX models to time: " + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    /** The dense model a pruned directory came from: its prune's {@code ranking.json} modelSource, else the embedded one. */
    public static String denseOf(Path prunedDir) {
        Path ranking = prunedDir.toAbsolutePath().resolveSibling("ranking.json");
        if (Files.isRegularFile(ranking)) {
            try {
                String source = JSON.readTree(ranking.toFile()).path("modelSource").asText("");
                if (!source.isBlank()) {
                    return source;
                }
            } catch (IOException e) {
                // fall back to the default model, and say which one in the report
            }
        }
        return ModelSource.EMBEDDED;
    }

    /** A Markdown table, one row per shape and thread count. */
    public static String format(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "ONNX Runtime latency: %s (pruned) vs %s (dense), median of %d alternating runs"
                + " each, all graph optimisations; pruned/dense encoder MACs at this length %.3f (%.2fx fewer)%n%n",
                r.pruned(), r.dense(), r.runs(), r.macsRatio(), 1 / r.macsRatio()));
        sb.append("| batch x tokens | threads | dense ms | pruned ms | speed-up |\n| --- | ---: | ---: | ---: | ---: |\n");
        for (Cell c : r.cells()) {
            sb.append(String.format(Locale.ROOT, "| %d x %d | %d | %.2f | %.2f | %.2fx |%n", c.batch(), c.length(), c.threads(),
                    c.denseMs(), c.prunedMs(), c.speedup()));
        }
        return sb.toString();
    }

    /** The report as JSON. */
    public static void writeJson(Path file, Report r) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("dense", r.dense());
        doc.put("pruned", r.pruned().toAbsolutePath().toString());
        doc.put("macsRatio", r.macsRatio());
        doc.put("runs", r.runs());
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode cells = doc.putArray("cells");
        for (Cell c : r.cells()) {
            JsonNode node = JSON.valueToTree(c);
            ((ObjectNode) node).put("speedup", c.speedup());
            cells.add(node);
        }
        ResultFile.write(file, "onnx", doc);
    }
}
