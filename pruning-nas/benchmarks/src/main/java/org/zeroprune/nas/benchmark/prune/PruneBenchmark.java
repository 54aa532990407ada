package org.zeroprune.nas.benchmark.prune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.importer.EmbeddedModel;
import org.zeroprune.nas.io.ResultFile;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.prune.PruneSummary;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;
import org.zeroprune.spi.context.ProgressListener;

/**
 * Measures whole {@code prune} runs, one per {@link PruneRow}: on a BERT-base-shaped checkpoint (12
 * layers, hidden 768, 12 heads, FFN 3072, the embedded model's tokenizer and its 30,522-token
 * vocabulary: about 110M parameters) that it writes itself with random weights, and on the embedded
 * model; the seconds of each phase as the prune's summary gives them, the search's candidates per
 * second and the peak heap. With several repeats the rows run in turn, every row once per round, so
 * that a change in the machine's load falls on every row alike; each row reports the median of its runs. It also measures the heap needed to read the checkpoint, in F32
 * (memory-mapped) and F16 (converted), against the file size.
 */
public final class PruneBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ZEROLM_CANDIDATES = 10_000;

    private final Path workDirectory;
    private final List<PruneRow> rows;
    private final String strategy;
    private final OptionalInt candidates;
    private final String unitSelection;
    private final String masks;
    private final OptionalDouble flops;
    private final int repeat;
    private final List<String> plugins;
    private final ProgressListener progress;

    /**
     * @param workDirectory where the checkpoints and the pruning outputs go (checkpoints are reused)
     * @param rows which prunes to time, in order
     * @param strategy the scoring strategy of the {@code zerolm} row
     * @param candidates the search's candidates in every row, or empty for each row's own (prune's default,
     *     {@value #ZEROLM_CANDIDATES} for {@code zerolm})
     * @param unitSelection {@code search.unit-selection} of every row
     * @param masks {@code output.masks} of every row: how the ranking writes each candidate's masks
     * @param flops the FLOPs budget of the default-path rows, or empty for prune's default
     * @param repeat how many times each row runs (in turn)
     * @param plugins plugin directories
     * @param progress progress output
     */
    public PruneBenchmark(Path workDirectory, List<PruneRow> rows, String strategy, OptionalInt candidates,
            String unitSelection, String masks, OptionalDouble flops, int repeat, List<String> plugins,
            ProgressListener progress) {
        this.workDirectory = workDirectory;
        this.rows = List.copyOf(rows);
        this.strategy = strategy;
        this.candidates = candidates;
        this.unitSelection = unitSelection;
        this.masks = masks;
        this.flops = flops;
        this.repeat = repeat;
        this.plugins = List.copyOf(plugins);
        this.progress = progress;
    }

    /** Runs the measurement and returns the figures. */
    public ObjectNode run() throws IOException {
        ObjectNode report = JSON.createObjectNode();
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        Path f32 = null;
        if (rows.stream().anyMatch(PruneRow::bertBase)) {
            f32 = checkpoint(DType.F32);
            report.put("checkpoint", f32.toString());
            report.put("params", BertCheckpoint.read(f32).parameterCount());
            report.put("fileBytes", Files.size(f32.resolve(BertCheckpoint.WEIGHTS)));
            report.set("readHeapF32", readHeap(f32));
            report.set("readHeapF16", readHeap(checkpoint(DType.F16)));
        }
        report.put("repeat", repeat);
        Map<PruneRow, List<ObjectNode>> runs = new LinkedHashMap<>();
        for (int round = 0; round < repeat; round++) {
            for (PruneRow row : rows) {
                runs.computeIfAbsent(row, r -> new ArrayList<>()).add(run(row, row.bertBase() ? f32.toString() : "embedded"));
            }
        }
        ArrayNode measured = report.putArray("rows");
        runs.values().forEach(list -> measured.add(medianOf(list)));
        return report;
    }

    /**
     * The last run of a row with its total and phase seconds replaced by their medians over all runs,
     * and every run's total under {@code runTotals}.
     */
    static ObjectNode medianOf(List<ObjectNode> runs) {
        ObjectNode out = runs.get(runs.size() - 1).deepCopy();
        out.put("runs", runs.size());
        out.put("totalSeconds", median(runs.stream().mapToDouble(r -> r.get("totalSeconds").asDouble()).toArray()));
        ArrayNode totals = out.putArray("runTotals");
        runs.forEach(r -> totals.add(r.get("totalSeconds").asDouble()));
        ObjectNode phases = out.putObject("phaseSeconds");
        runs.get(runs.size() - 1).get("phaseSeconds").fieldNames().forEachRemaining(phase -> phases.put(phase,
                median(runs.stream().mapToDouble(r -> r.at("/phaseSeconds/" + phase).asDouble()).toArray())));
        double search = phases.path("search").asDouble();
        out.put("candidatesPerSecond", search > 0 ? out.get("searched").asInt() / search : 0);
        return out;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private ObjectNode run(PruneRow row, String model) throws IOException {
        Path out = workDirectory.resolve("out-" + row.key());
        ZeroPrune.ConfigBuilder builder = ZeroPrune.config().model(model).set("output.overwrite", "true")
                .set("search.unit-selection", unitSelection).set("output.masks", masks)
                .set("plugins", JSON.writeValueAsString(plugins)).output(out.toString());
        if (row.previous()) {
            PreviousRecipe.apply(builder);
        }
        if (row.defaultPath() && flops.isPresent()) {
            builder.flops(flops.getAsDouble());
        }
        if (!row.defaultPath()) {
            builder.strategy(strategy).flops(0.5).set("search.strategy", "evolutionary").reconstruct(ReconstructionLevel.NONE)
                    .set("output.measure-latency", "false");
        }
        int asked = candidates.orElse(row.defaultPath() ? -1 : ZEROLM_CANDIDATES);
        if (asked > 0) {
            builder.set("search.candidates", Integer.toString(asked));
        }
        PruneConfig config = builder.build();
        long before = HeapMeter.reset();
        long start = System.nanoTime();
        PruneResult result = ZeroPrune.prune(config, progress);
        double total = (System.nanoTime() - start) / 1e9;
        PruneSummary summary = result.report();
        ObjectNode r = JSON.createObjectNode();
        r.put("row", row.key());
        r.put("description", row.description());
        r.put("model", summary.model());
        r.put("strategy", summary.strategy());
        r.put("search", config.search().strategy());
        r.put("budget", summary.budget());
        r.put("reconstruct", config.reconstruct().level());
        r.put("unitSelection", unitSelection);
        r.put("masks", masks);
        r.put("candidates", result.ranking().size());
        r.put("searched", config.search().candidates());
        double searchSeconds = summary.seconds().getOrDefault("search", 0.0);
        // candidates the search visited (a screened search ranks only its shortlist)
        r.put("candidatesPerSecond", config.search().candidates() / searchSeconds);
        r.put("totalSeconds", total);
        r.set("phaseSeconds", JSON.valueToTree(summary.seconds()));
        r.put("peakHeapBytes", HeapMeter.peakBytes() - before);
        r.put("rankingBytes", Files.size(out.resolve("ranking.json")) + Files.size(out.resolve("ranking.csv")));
        summary.export().latency().ifPresent(l -> r.set("latency", l));
        summary.export().onnxLatency().ifPresent(l -> r.set("onnxLatency", l));
        summary.export().reconstruction().ifPresent(l -> r.set("reconstruction", l));
        return r;
    }

    private Path checkpoint(DType dtype) throws IOException {
        Path dir = workDirectory.resolve("bert-base-random-" + dtype.name().toLowerCase(Locale.ROOT));
        if (!RandomBertWriter.exists(dir)) {
            try (var task = progress.start("Writing a BERT-base-shaped " + dtype + " checkpoint", -1)) {
                // the embedded model's tokenizer: BERT-base's uncased WordPiece vocabulary of 30,522 tokens
                Path tokenizer = EmbeddedModel.checkpointDirectory().resolve(BertCheckpoint.TOKENIZER);
                RandomBertWriter.write(dir, 12, 768, 12, 3072, tokenizer, dtype, 1);
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

    /** Writes the figures as JSON. */
    public static void writeJson(Path file, ObjectNode report) throws IOException {
        ResultFile.write(file, "prune", report);
    }
}
