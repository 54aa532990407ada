package org.zeroprune.nas.benchmark.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.io.ResultFile;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.spi.context.ProgressListener;

/**
 * Measures a whole {@code prune} on a BERT-base-shaped checkpoint (12 layers, hidden 768, 12 heads,
 * FFN 3072, vocabulary 30522: about 110M parameters) that it writes itself with random weights:
 * load, prepare, an evolutionary search over a number of candidates, export; the seconds of each
 * phase and the peak heap. It also measures the heap needed to read the checkpoint, in F32
 * (memory-mapped) and F16 (converted), against the file size.
 */
public final class PruneBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workDirectory;
    private final String unitSelection;
    private final String masks;
    private final String strategy;
    private final int candidates;
    private final List<String> plugins;
    private final ProgressListener progress;

    /**
     * @param workDirectory where the checkpoints and the pruning output go (checkpoints are reused)
     * @param strategy the scoring strategy
     * @param candidates candidates of the evolutionary search
     * @param unitSelection {@code search.unit-selection}
     * @param masks {@code output.masks}: how the ranking writes each candidate's masks
     * @param plugins plugin directories
     * @param progress progress output
     */
    public PruneBenchmark(Path workDirectory, String strategy, int candidates, String unitSelection, String masks,
            List<String> plugins, ProgressListener progress) {
        this.masks = masks;
        this.workDirectory = workDirectory;
        this.strategy = strategy;
        this.unitSelection = unitSelection;
        this.candidates = candidates;
        this.plugins = plugins;
        this.progress = progress;
    }

    /** Runs the measurement and returns the figures. */
    public ObjectNode run() throws IOException {
        ObjectNode report = JSON.createObjectNode();
        Path f32 = checkpoint(DType.F32);
        report.put("checkpoint", f32.toString());
        report.put("fileBytes", Files.size(f32.resolve(BertCheckpoint.WEIGHTS)));
        report.set("readHeapF32", readHeap(f32));
        report.set("readHeapF16", readHeap(checkpoint(DType.F16)));

        Path out = workDirectory.resolve("out");
        PruneConfig config = ZeroPrune.config().model(f32.toString()).strategy(strategy).flops(0.5)
                .set("search.strategy", "evolutionary").set("search.candidates", Integer.toString(candidates))
                .set("search.unit-selection", unitSelection).set("output.masks", masks)
                .set("output.overwrite", "true").set("output.measure-latency", "false").set("plugins", JSON
                        .writeValueAsString(plugins)).output(out.toString()).build();
        long before = HeapMeter.reset();
        long start = System.nanoTime();
        PruneResult result = ZeroPrune.prune(config, progress);
        double total = (System.nanoTime() - start) / 1e9;
        report.put("strategy", strategy);
        report.put("unitSelection", unitSelection);
        report.put("masks", masks);
        report.put("rankingBytes", Files.size(out.resolve("ranking.json")) + Files.size(out.resolve("ranking.csv")));
        report.put("candidates", result.ranking().size());
        report.put("totalSeconds", total);
        report.set("phaseSeconds", result.summary().get("seconds"));
        report.put("peakHeapBytes", HeapMeter.peakBytes() - before);
        report.put("params", BertCheckpoint.read(f32).parameterCount());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return report;
    }

    private Path checkpoint(DType dtype) throws IOException {
        Path dir = workDirectory.resolve("bert-base-random-" + dtype.name().toLowerCase(Locale.ROOT));
        if (!RandomBertWriter.exists(dir)) {
            try (var task = progress.start("Writing a BERT-base-shaped " + dtype + " checkpoint", -1)) {
                RandomBertWriter.write(dir, 12, 768, 12, 3072, 30522, dtype, 1);
            }
        }
        return dir;
    }

    private static ObjectNode readHeap(Path dir) throws IOException {
        long before = HeapMeter.reset();
        long start = System.nanoTime();
        BertCheckpoint checkpoint = BertCheckpoint.read(dir);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = HeapMeter.peakBytes() - before;
        long retained = HeapMeter.usedBytes() - before;
        long file = Files.size(dir.resolve(BertCheckpoint.WEIGHTS));
        ObjectNode node = JSON.createObjectNode();
        node.put("fileBytes", file);
        node.put("params", checkpoint.parameterCount());
        node.put("seconds", seconds);
        node.put("peakHeapBytes", peak);
        node.put("retainedHeapBytes", retained);
        node.put("peakOverFile", (double) peak / file);
        return node;
    }

    /** A table for a person. */
    public static String format(ObjectNode r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "prune benchmark: %,d-parameter BERT-base-shaped checkpoint (%.0f MB F32),"
                + " %s, evolutionary search, %d candidates, unit-selection %s, FLOPs 0.5, %d cores, max heap %.1f GB%n",
                r.get("params").asLong(), r.get("fileBytes").asLong() / 1e6, r.get("strategy").asText(),
                r.get("candidates").asInt(), r.get("unitSelection").asText(), r.get("cores").asInt(), r.get("maxHeapBytes").asLong() / 1e9));
        r.get("phaseSeconds").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT, "  %-14s %7.2f s%n",
                e.getKey(), e.getValue().asDouble())));
        sb.append(String.format(Locale.ROOT, "  %-14s %7.2f s%n", "total", r.get("totalSeconds").asDouble()));
        sb.append(String.format(Locale.ROOT, "  peak heap during prune: %.0f MB%n", r.get("peakHeapBytes").asLong() / 1e6));
        sb.append(String.format(Locale.ROOT, "  ranking.json + ranking.csv: %.1f MB (masks as %s)%n",
                r.get("rankingBytes").asLong() / 1e6, r.get("masks").asText()));
        for (String key : new String[] {"readHeapF32", "readHeapF16"}) {
            var h = r.get(key);
            sb.append(String.format(Locale.ROOT, "  read %s: %.0f MB file, peak heap %.0f MB (%.2fx the file), %.2f s%n",
                    key.substring(8), h.get("fileBytes").asLong() / 1e6, h.get("peakHeapBytes").asLong() / 1e6,
                    h.get("peakOverFile").asDouble(), h.get("seconds").asDouble()));
        }
        return sb.toString();
    }

    /** Writes the figures as JSON. */
    public static void writeJson(Path file, ObjectNode report) throws IOException {
        ResultFile.write(file, "prune", report);
    }
}
