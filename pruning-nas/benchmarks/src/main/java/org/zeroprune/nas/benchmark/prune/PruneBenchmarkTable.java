package org.zeroprune.nas.benchmark.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The figures of {@link PruneBenchmark} for a person: a block per row, phases as the prune's summary names them. */
public final class PruneBenchmarkTable {
    private PruneBenchmarkTable() {
    }

    /** The whole report. */
    public static String format(ObjectNode r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "prune benchmark: %d cores, max heap %.1f GB%n", r.get("cores").asInt(),
                r.get("maxHeapBytes").asLong() / 1e9));
        if (r.has("params")) {
            sb.append(String.format(Locale.ROOT, "BERT-base-shaped checkpoint: %,d parameters (%.0f MB F32), random weights,"
                    + " the embedded model's tokenizer%n", r.get("params").asLong(), r.get("fileBytes").asLong() / 1e6));
        }
        for (JsonNode row : r.get("rows")) {
            row(sb, row);
        }
        for (String key : new String[] {"readHeapF32", "readHeapF16"}) {
            JsonNode h = r.get(key);
            if (h != null) {
                sb.append(String.format(Locale.ROOT, "read %s: %.0f MB file, peak heap %.0f MB (%.2fx the file), %.2f s%n",
                        key.substring(8), h.get("fileBytes").asLong() / 1e6, h.get("peakHeapBytes").asLong() / 1e6,
                        h.get("peakOverFile").asDouble(), h.get("seconds").asDouble()));
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, JsonNode row) {
        sb.append(String.format(Locale.ROOT, "%n%s: %s%n  %s; strategy %s, %s search, %s, reconstruct %s, units %s, masks %s%n",
                row.get("row").asText(), row.get("description").asText(), row.get("model").asText(),
                row.get("strategy").asText(), row.get("search").asText(), row.get("budget").asText(),
                row.get("reconstruct").asText(), row.get("unitSelection").asText(), row.get("masks").asText()));
        row.get("phaseSeconds").fields().forEachRemaining(e -> sb.append(String.format(Locale.ROOT, "  %-24s %8.2f s%n",
                e.getKey(), e.getValue().asDouble())));
        sb.append(String.format(Locale.ROOT, "  %-24s %8.2f s%n", "total", row.get("totalSeconds").asDouble()));
        double rate = row.get("candidatesPerSecond").asDouble();
        // a forward pass per candidate makes a few per second, where a decimal matters; weight-only strategies thousands
        sb.append(String.format(Locale.ROOT, "  search: %,d candidates, " + (rate < 100 ? "%.1f" : "%,.0f") + " per second;"
                + " peak heap %.0f MB; ranking files %.1f MB%n", row.get("candidates").asInt(), rate,
                row.get("peakHeapBytes").asLong() / 1e6, row.get("rankingBytes").asLong() / 1e6));
        for (String key : new String[] {"latency", "onnxLatency"}) {
            JsonNode l = row.get(key);
            if (l != null) {
                int pairs = l.get("pairs").asInt();
                sb.append(String.format(Locale.ROOT, "  %-12s dense %.1f ms, pruned %.1f ms (%.2fx), %d pair%s, stopped on"
                        + " %s%n", key.equals("latency") ? "PyTorch" : "ONNX Runtime", l.get("denseMs").asDouble(),
                        l.get("prunedMs").asDouble(), l.get("speedup").asDouble(), pairs, pairs == 1 ? "" : "s",
                        l.get("stoppedBy").asText()));
            }
        }
    }
}
