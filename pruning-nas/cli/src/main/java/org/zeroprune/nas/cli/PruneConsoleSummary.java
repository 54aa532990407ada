package org.zeroprune.nas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.prune.PruneSummary;
import org.zeroprune.nas.search.ScoredCandidate;

/**
 * What {@code prune} prints when it is done, read from the typed {@link PruneSummary} that
 * {@code summary.json} and the Java API also come from: a few aligned lines for a person, the
 * warnings on stderr.
 */
final class PruneConsoleSummary {
    private PruneConsoleSummary() {
    }

    static void print(PruneConfig config, PruneResult result) {
        PruneSummary s = result.report();
        s.warnings().forEach(w -> System.err.println("warning: " + w));
        ScoredCandidate chosen = result.chosen();
        System.out.println();
        System.out.println("zeroprune prune: " + s.model());
        System.out.printf(Locale.ROOT, "  budget     %s of the dense model — %s by all %d ranked candidates%n",
                s.budget(), s.budgetMet() ? "met" : "NOT met", s.candidates());
        String units = s.unitOrder();
        System.out.printf(Locale.ROOT, "  strategy   %s (%s); search %s, seed %d; units %s%n", s.strategy(),
                s.strategySource(), s.search(), config.search().seed(), units.equals("random") ? "at random" : "by " + units);
        System.out.printf(Locale.ROOT, "  best       score %.6g%n", result.best().score());
        System.out.printf(Locale.ROOT, "  chosen     rank %d: MACs %.3f, encoder params %.3f of dense; %,d of %,d parameters in all%n",
                s.exportRank(), s.chosenMacsRatio(), s.chosenParamsRatio(), s.chosenTotalParams(), s.denseTotalParams());
        System.out.printf(Locale.ROOT, "             heads per layer %s, neurons per layer %s%n",
                counts(chosen, true), counts(chosen, false));
        s.export().latency().ifPresent(l -> printLatency("latency ", l));
        printReconstruction(s.export().reconstruction().map(r -> (JsonNode) r).orElse(MissingNode.getInstance()));
        s.export().rerank().ifPresent(trials -> printRerank(trials, s.exportRank(), config.output().exportRank()));
        s.sequenceLengthNote().ifPresent(n -> System.out.println("  note       " + n));
        s.export().onnxLatency().ifPresent(l -> printLatency("onnx    ", l));
        s.export().int8().ifPresent(PruneConsoleSummary::printInt8);
        s.fidelity().ifPresent(f -> printFidelity(f, result.exportedModel().isPresent()));
        s.sts().ifPresent(sts -> printSts(sts, result.exportedModel().isPresent()));
        StringBuilder times = new StringBuilder();
        for (Map.Entry<String, Double> e : s.seconds().entrySet()) {
            times.append(times.length() == 0 ? "" : ", ").append(e.getKey())
                    .append(String.format(Locale.ROOT, " %.2f s", e.getValue()));
        }
        System.out.println("  time       " + times);
        Path dir = result.outputDirectory();
        System.out.println("  written    " + dir.resolve("ranking.json") + ", " + dir.resolve("ranking.csv") + ", "
                + dir.resolve("summary.json") + result.exportedModel().map(p -> ", " + p + "/").orElse("")
                + result.onnxModel().map(p -> " (with " + p.getFileName()
                        + result.int8Model().map(q -> " and " + q.getFileName()).orElse("") + ")").orElse(""));
        s.corpusLanguageWarning().ifPresent(w -> System.err.println("warning: " + w.path("message").asText()));
    }

    /** Which ranks the rerank reconstructed and why the chosen one was exported, as it may not be the rank asked for. */
    private static void printRerank(ArrayNode trials, int exported, int asked) {
        StringBuilder fidelities = new StringBuilder();
        for (JsonNode t : trials) {
            fidelities.append(fidelities.length() == 0 ? "" : ", ").append("rank ").append(t.path("rank").asInt())
                    .append(String.format(Locale.ROOT, " %.4f", t.path("validationFidelity").asDouble()));
        }
        int first = trials.get(0).path("rank").asInt();
        int last = trials.get(trials.size() - 1).path("rank").asInt();
        System.out.printf(Locale.ROOT, "  rerank     ranks %d to %d reconstructed; rank %d follows the dense model best"
                + " afterwards and was exported%s (validation fidelity: %s)%n", first, last, exported,
                exported == asked ? "" : " instead of rank " + asked, fidelities);
    }

    private static void printLatency(String label, ObjectNode l) {
        System.out.printf(Locale.ROOT, "  %s   dense %.1f ms, pruned %.1f ms per batch (%.2fx) — %s%n", label,
                l.get("denseMs").asDouble(), l.get("prunedMs").asDouble(), l.get("speedup").asDouble(),
                l.get("setting").asText());
    }

    private static void printInt8(ObjectNode q) {
        System.out.printf(Locale.ROOT, "  int8       %s: %,d bytes (model.onnx %,d); CPU %s, int8 path %s%n",
                Path.of(q.get("file").asText()).getFileName(), q.get("bytes").asLong(), q.get("floatBytes").asLong(),
                q.get("cpu").asText(), q.get("int8InstructionSet").asText());
        if (q.has("onnxLatency")) {
            printLatency("int8    ", (ObjectNode) q.get("onnxLatency"));
        }
    }

    private static void printFidelity(PruneSummary.Fidelity f, boolean exported) {
        String measured = exported ? String.format(Locale.ROOT, "%.4f exported, %.4f plain cut", f.fidelity(), f.cutFidelity())
                : String.format(Locale.ROOT, "%.4f chosen candidate (cut, not exported)", f.cutFidelity());
        System.out.printf(Locale.ROOT, "  fidelity   %s (mean cosine to the dense model over %d sentences of %s)%n",
                measured, f.sentences(), f.corpus());
    }

    private static void printSts(PruneSummary.Sts sts, boolean exported) {
        if (exported) {
            System.out.printf(Locale.ROOT, "  STS        dense %.2f, exported %.2f, plain cut %.2f (Spearman x100 over %d"
                    + " pairs of %s)%n", sts.dense(), sts.pruned(), sts.cut(), sts.pairs(), sts.file());
        } else {
            // nothing was exported: the only pruned model scored is the chosen candidate's plain cut
            System.out.printf(Locale.ROOT, "  STS        dense %.2f, chosen candidate (cut, not exported) %.2f (Spearman"
                    + " x100 over %d pairs of %s)%n", sts.dense(), sts.cut(), sts.pairs(), sts.file());
        }
    }

    static void printReconstruction(JsonNode r) {
        if (r.isMissingNode()) {
            return;
        }
        if (r.has("skipped")) {
            System.out.println("  rebuilt    skipped: " + r.get("skipped").asText());
        } else if (r.path("level").asText().equals("none")) {
            System.out.println("  rebuilt    no (level none): the exported weights are the plain cut;"
                    + " --reconstruct distill --corpus FILE recovers quality from your own sentences");
        } else {
            boolean distill = r.path("level").asText().equals("distill");
            System.out.printf(Locale.ROOT, "  rebuilt    %s on %d sequences (%s): %s objective %.4g -> %.4g%s%s, %.1f s%n",
                    r.get("level").asText(), r.at("/calibration/sequences").asInt(), r.at("/calibration/source").asText(),
                    distill ? "held-out" : "calibration", r.get("objectiveBefore").asDouble(),
                    r.get("objectiveAfter").asDouble(),
                    distill ? String.format(Locale.ROOT, " after %d steps (stopped by %s)", r.path("bestStep").asInt(),
                            r.path("stoppedBy").asText()) : "",
                    r.path("changed").asBoolean() ? "" : " (no gain: kept the plain cut)", r.get("seconds").asDouble());
        }
    }

    private static String counts(ScoredCandidate c, boolean heads) {
        StringBuilder sb = new StringBuilder("[");
        for (int l = 0; l < c.mask().layerCount(); l++) {
            sb.append(l == 0 ? "" : " ").append(heads ? c.mask().heads(l).count() : c.mask().neurons(l).count());
        }
        return sb.append(']').toString();
    }
}
