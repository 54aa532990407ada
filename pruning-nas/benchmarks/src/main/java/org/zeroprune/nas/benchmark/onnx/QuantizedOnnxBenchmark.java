package org.zeroprune.nas.benchmark.onnx;

import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.io.ResultFile;
import org.zeroprune.nas.latency.OrtLatency;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.onnxruntime.CpuInstructionSet;
import org.zeroprune.nas.onnxruntime.OrtEmbeddings;
import org.zeroprune.nas.onnxruntime.OrtSessions;
import org.zeroprune.nas.quality.StsBenchmark;

/**
 * Pruning and int8 quantization measured together, as a user deploys them: the dense and each pruned
 * model, float and int8 (and LangChain4j's int8 all-MiniLM-L6-v2 as the alternative a user would
 * otherwise take), all timed in one ONNX Runtime process on the same batches, every model once per
 * round in turn so that a shared machine's changing load falls on all alike; with each file's size
 * and, given an STS file, each model's STS Spearman. The table says whether the two speed-ups stack:
 * pruned int8 over dense int8 against pruned float over dense float.
 */
public final class QuantizedOnnxBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sentences per ONNX Runtime call when embedding the STS file. */
    private static final int STS_BATCH = 32;

    private QuantizedOnnxBenchmark() {
    }

    /**
     * What to measure.
     *
     * @param shapes {@code {batch, length}} pairs
     * @param threads intra-op thread counts
     * @param runs timed rounds per shape and thread count
     * @param reduceRange whether int8 files written now use 7-bit weights
     * @param sts an STS file to score every model on
     * @param langchain4jInt8 whether LangChain4j's int8 all-MiniLM-L6-v2 gets a row
     */
    public record Settings(List<int[]> shapes, List<Integer> threads, int runs, boolean reduceRange, Optional<Path> sts,
            boolean langchain4jInt8) {
    }

    /**
     * One model's figures.
     *
     * @param ms median milliseconds per cell, cells in {@link Report#cells()} order
     * @param sts STS Spearman ×100, if an STS file was given
     */
    public record Row(String name, String precision, Path file, long bytes, double macsRatio, double[] ms,
            OptionalDouble sts) {
    }

    /**
     * The benchmark's results.
     *
     * @param dense where the dense model came from
     * @param cells {@code {batch, length, threads}} per timed cell
     * @param runs timed rounds per cell
     * @param cpu the machine's CPU and int8 instruction set
     * @param cores available processors
     * @param loadBefore the 1-minute load average when timing began (the machine may be shared)
     * @param loadAfter the 1-minute load average when it ended
     * @param stsFile the STS file, if scored
     */
    public record Report(String dense, List<int[]> cells, int runs, List<Row> rows, CpuInstructionSet cpu, int cores,
            double loadBefore, double loadAfter, Optional<Path> stsFile) {
    }

    /** Measures {@code prunedDirs} against {@code denseSpec}. */
    public static Report run(String denseSpec, List<Path> prunedDirs, Settings settings) {
        BertCheckpoint dense = ModelSource.load(denseSpec).checkpoint();
        for (int[] shape : settings.shapes()) {
            if (shape[1] > dense.config().maxPositions()) {
                throw new ZeroPruneException("--shapes " + shape[0] + "x" + shape[1] + ": more tokens than the model's "
                        + dense.config().maxPositions() + " positions");
            }
        }
        Path work = AtomicFiles.temporaryDirectory("int8-bench");
        try {
            List<QuantizedModelSet.Model> models = QuantizedModelSet.of(dense, prunedDirs, settings.shapes().get(0)[1],
                    settings.reduceRange(), settings.langchain4jInt8(), work);
            List<Path> files = models.stream().map(QuantizedModelSet.Model::file).toList();
            List<int[]> cells = new ArrayList<>();
            List<double[]> perCell = new ArrayList<>();
            double loadBefore = loadAverage();
            for (int[] shape : settings.shapes()) {
                for (int t : settings.threads()) {
                    cells.add(new int[] {shape[0], shape[1], t});
                    perCell.add(OrtLatency.medianMillis(files, shape[0], shape[1], t, dense.config().vocabSize(),
                            settings.runs()));
                }
            }
            double loadAfter = loadAverage();
            List<OptionalDouble> sts = sts(models, dense, settings);
            List<Row> rows = new ArrayList<>();
            for (int m = 0; m < models.size(); m++) {
                QuantizedModelSet.Model model = models.get(m);
                double[] ms = new double[cells.size()];
                for (int c = 0; c < cells.size(); c++) {
                    ms[c] = perCell.get(c)[m];
                }
                rows.add(new Row(model.name(), model.precision(), model.file(), model.bytes(), model.macsRatio(), ms,
                        sts.get(m)));
            }
            return new Report(denseSpec, cells, settings.runs(), rows, CpuInstructionSet.current(),
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, settings.sts());
        } catch (IOException e) {
            throw new ZeroPruneException("cannot write the ONNX models to time: " + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteRecursively(work);
        }
    }

    /** STS Spearman ×100 of each model, the dense model's tokenizer for all (they share its vocabulary). */
    private static List<OptionalDouble> sts(List<QuantizedModelSet.Model> models, BertCheckpoint dense, Settings settings) {
        if (settings.sts().isEmpty()) {
            return models.stream().map(m -> OptionalDouble.empty()).toList();
        }
        StsBenchmark sts = StsBenchmark.read(settings.sts().get());
        int[][] ids;
        try (BertTokenizer tokenizer = BertTokenizer.forCheckpoint(dense, BertTokenizer.DEFAULT_MAX_LENGTH)) {
            ids = tokenizer.encode(sts.sentences());
        }
        int threads = settings.threads().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<OptionalDouble> scores = new ArrayList<>();
        for (QuantizedModelSet.Model model : models) {
            try (OrtSession session = OrtSessions.open(model.file(), threads)) {
                scores.add(OptionalDouble.of(sts.spearman(OrtEmbeddings.meanPooled(session, ids, STS_BATCH))));
            } catch (ai.onnxruntime.OrtException e) {
                throw new ZeroPruneException(model.file() + ": ONNX Runtime failed to close (" + e.getMessage() + ")", e);
            }
        }
        return scores;
    }

    /** The 1-minute load average, NaN where {@code /proc/loadavg} cannot be read. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** A Markdown table, one row per model, then how the speed-ups stack for each pruned model. */
    public static String format(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "ONNX Runtime, dense and pruned, float and int8: median of %d rounds (every"
                + " model once per round, in turn), all graph optimisations, random tokens; %d cores, %s; load average"
                + " %.2f before timing, %.2f after%n%n", r.runs(), r.cores(), r.cpu().describe(), r.loadBefore(),
                r.loadAfter()));
        sb.append("| model | weights | MACs | file MB |").append(r.stsFile().isPresent() ? " STS dev x100 |" : "");
        StringBuilder rule = new StringBuilder("| --- | --- | ---: | ---: |").append(r.stsFile().isPresent() ? " ---: |" : "");
        for (int[] c : r.cells()) {
            sb.append(String.format(Locale.ROOT, " %dx%d, %d thr. ms | speed-up |", c[0], c[1], c[2]));
            rule.append(" ---: | ---: |");
        }
        sb.append('\n').append(rule).append('\n');
        Row dense = r.rows().get(0);
        for (Row row : r.rows()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.1f |", row.name(), row.precision(), row.macsRatio(),
                    row.bytes() / 1e6));
            row.sts().ifPresent(s -> sb.append(String.format(Locale.ROOT, " %.2f |", s)));
            for (int c = 0; c < r.cells().size(); c++) {
                sb.append(String.format(Locale.ROOT, " %.2f | %.2fx |", row.ms()[c], dense.ms()[c] / row.ms()[c]));
            }
            sb.append('\n');
        }
        sb.append('\n');
        Row denseInt8 = r.rows().get(1);
        for (int i = 2; i + 1 < r.rows().size(); i += 2) {
            Row prunedFloat = r.rows().get(i);
            Row prunedInt8 = r.rows().get(i + 1);
            if (!prunedFloat.name().equals(prunedInt8.name())) {
                break;
            }
            for (int c = 0; c < r.cells().size(); c++) {
                double floatRatio = dense.ms()[c] / prunedFloat.ms()[c];
                double int8Ratio = denseInt8.ms()[c] / prunedInt8.ms()[c];
                sb.append(String.format(Locale.ROOT, "- %s, %dx%d: pruning gains %.2fx in float and %.2fx in int8 (%.2f of"
                        + " the float gain); int8 gains %.2fx dense and %.2fx pruned; together %.2fx over dense float%n",
                        prunedFloat.name(), r.cells().get(c)[0], r.cells().get(c)[1], floatRatio, int8Ratio,
                        int8Ratio / floatRatio, dense.ms()[c] / denseInt8.ms()[c], prunedFloat.ms()[c] / prunedInt8.ms()[c],
                        dense.ms()[c] / prunedInt8.ms()[c]));
            }
            if (dense.sts().isPresent()) {
                sb.append(String.format(Locale.ROOT, "- %s: STS %.2f float, %.2f int8 (int8 costs %.2f points on top of"
                        + " pruning; pruning costs %.2f)%n", prunedFloat.name(), prunedFloat.sts().getAsDouble(),
                        prunedInt8.sts().getAsDouble(), prunedFloat.sts().getAsDouble() - prunedInt8.sts().getAsDouble(),
                        dense.sts().getAsDouble() - prunedFloat.sts().getAsDouble()));
            }
        }
        return sb.toString();
    }

    /** The report as JSON. */
    public static void writeJson(Path file, Report r) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("dense", r.dense());
        doc.put("runs", r.runs());
        doc.put("cores", r.cores());
        doc.put("cpu", r.cpu().model());
        doc.put("int8InstructionSet", r.cpu().int8());
        doc.put("loadBefore", r.loadBefore());
        doc.put("loadAfter", r.loadAfter());
        r.stsFile().ifPresent(s -> doc.put("sts", s.toString()));
        ArrayNode rows = doc.putArray("rows");
        for (Row row : r.rows()) {
            ObjectNode node = rows.addObject();
            node.put("name", row.name());
            node.put("precision", row.precision());
            node.put("file", row.file().toString());
            node.put("bytes", row.bytes());
            node.put("macsRatio", row.macsRatio());
            row.sts().ifPresent(s -> node.put("sts", s));
            ArrayNode cells = node.putArray("cells");
            for (int c = 0; c < r.cells().size(); c++) {
                cells.addObject().put("batch", r.cells().get(c)[0]).put("length", r.cells().get(c)[1])
                        .put("threads", r.cells().get(c)[2]).put("ms", row.ms()[c])
                        .put("speedup", r.rows().get(0).ms()[c] / row.ms()[c]);
            }
        }
        ResultFile.write(file, "onnx-int8", doc);
    }
}
