package org.zeroprune.nas.benchmark.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

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
        comparison(sb, r.get("rows"));
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
        sb.append(String.format(Locale.ROOT, "  %-24s %8.2f s%s%n", "total", row.get("totalSeconds").asDouble(),
                runs(row)));
        double rate = row.get("candidatesPerSecond").asDouble();
        // a forward pass per candidate makes a few per second, where a decimal matters; weight-only strategies thousands
        sb.append(String.format(Locale.ROOT, "  search: %,d candidates (%,d ranked), " + (rate < 100 ? "%.1f" : "%,.0f")
                + " per second; peak heap %.0f MB; ranking files %.1f MB%n", row.get("searched").asInt(),
                row.get("candidates").asInt(), rate,
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

    /** ", median of 3 runs: a, b, c s" when the row ran more than once. */
    private static String runs(JsonNode row) {
        JsonNode totals = row.get("runTotals");
        if (totals == null || totals.size() < 2) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, ", median of %d runs:", totals.size()));
        totals.forEach(t -> sb.append(String.format(Locale.ROOT, " %.2f", t.asDouble())));
        return sb.append(" s").toString();
    }

    /**
     * A Markdown table of the phases (rows) of every measured row (columns), the medians, for pages
     * that quote the run; a phase a row did not run is blank.
     */
    private static void comparison(StringBuilder sb, JsonNode rows) {
        Set<String> phases = new LinkedHashSet<>();
        rows.forEach(row -> row.get("phaseSeconds").fieldNames().forEachRemaining(phases::add));
        sb.append(String.format(Locale.ROOT, "%n| seconds (median) |"));
        rows.forEach(row -> sb.append(' ').append(row.get("row").asText()).append(" |"));
        sb.append(String.format(Locale.ROOT, "%n| --- |"));
        rows.forEach(row -> sb.append(" ---: |"));
        for (String phase : phases) {
            sb.append(String.format(Locale.ROOT, "%n| %s |", phase));
            rows.forEach(row -> {
                JsonNode v = row.at("/phaseSeconds/" + phase);
                sb.append(v.isMissingNode() ? " |" : String.format(Locale.ROOT, " %.2f |", v.asDouble()));
            });
        }
        sb.append(String.format(Locale.ROOT, "%n| **total** |"));
        rows.forEach(row -> sb.append(String.format(Locale.ROOT, " **%.2f** |", row.get("totalSeconds").asDouble())));
        sb.append(String.format(Locale.ROOT, "%n"));
    }
}
