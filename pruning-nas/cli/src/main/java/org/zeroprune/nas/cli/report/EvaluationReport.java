package org.zeroprune.nas.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.zeroprune.nas.quality.CorpusLanguageCheck;
import org.zeroprune.nas.evaluate.Evaluation;
import org.zeroprune.nas.evaluate.StrategyEvaluation;
import org.zeroprune.nas.io.OutputDirectory;
import org.zeroprune.nas.rank.RankingWriter;
import org.zeroprune.spi.mask.PruningMask;

/** Writes an {@link Evaluation} as JSON, as an HTML page with scatter plots, and as a table for the console. */
public final class EvaluationReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvaluationReport() {
    }

    /** Writes {@code evaluation.json} and {@code evaluation.html} into {@code directory}, atomically. */
    public static void write(Evaluation e, OutputDirectory directory) {
        ObjectNode json = json(e);
        String html = html(e);
        directory.write(dir -> {
            Files.writeString(dir.resolve("evaluation.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
            Files.writeString(dir.resolve("evaluation.html"), html);
        });
    }

    /** The evaluation as JSON. */
    public static ObjectNode json(Evaluation e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", e.model());
        root.put("tokenizer", e.tokenizer());
        root.put("corpus", e.corpus());
        e.language().flatMap(CorpusLanguageCheck::json).ifPresent(w -> root.set(CorpusLanguageCheck.JSON_KEY, w));
        root.put("evaluationSentences", e.sentences());
        root.put("budget", e.budget().kind().key() + " " + e.budget().ratio());
        root.put("seed", e.config().search().seed());
        root.put("neuronBlock", e.config().search().neuronBlock());
        root.put("candidates", e.masks().size());
        root.put("heldOut", e.heldOut().size());
        root.put("fidelitySeconds", e.fidelitySeconds());
        root.put("seconds", e.seconds());
        root.put("bestFidelity", e.fidelity()[e.best()]);
        root.put("bestCandidate", e.best());
        ArrayNode strategies = root.putArray("strategies");
        for (StrategyEvaluation s : e.strategies()) {
            ObjectNode node = strategies.addObject();
            node.put("strategy", s.spec().label());
            node.put("source", s.source());
            // undefined (a constant variable) is null, with the reason among the warnings, never the string "NaN"
            putDefined(node, "kendallTauB", s.kendall());
            putDefined(node, "spearmanRho", s.spearman());
            node.put("topPick", s.topPick());
            node.put("topPickFidelity", s.topPickFidelity());
            node.put("gapToBest", e.fidelity()[e.best()] - s.topPickFidelity());
            node.put("prepareSeconds", s.prepareSeconds());
            node.put("scoreMillisPerCandidate", s.scoreMillisPerCandidate());
            node.set("details", JSON.valueToTree(s.details()));
            ArrayNode scores = node.putArray("scores");
            for (double v : s.scores()) {
                scores.add(v);
            }
        }
        root.set("failures", JSON.valueToTree(e.failures()));
        root.set("warnings", JSON.valueToTree(e.warnings()));
        e.sts().ifPresent(sts -> root.set("sts", JSON.valueToTree(sts)));
        ArrayNode candidates = root.putArray("candidateList");
        for (int i = 0; i < e.masks().size(); i++) {
            PruningMask mask = e.masks().get(i);
            ObjectNode c = candidates.addObject();
            c.put("index", i);
            c.put("fidelity", e.fidelity()[i]);
            c.put("heldOut", e.heldOut().contains(i));
            c.put("macsRatio", (double) e.costs().macs(mask) / e.costs().denseMacs());
            c.put("paramsRatio", (double) e.costs().params(mask) / e.costs().denseParams());
            c.set("masks", RankingWriter.masks(mask));
        }
        return root;
    }

    private static void putDefined(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    /** A table for a person. */
    public static String table(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, budget %s, %d candidates (%d held out), fidelity on %d sentences;"
                + " best measured fidelity %.4f%n", e.model(), e.budget().kind().key() + " " + e.budget().ratio(),
                e.masks().size(), e.heldOut().size(), e.sentences(), e.fidelity()[e.best()]));
        sb.append(String.format(Locale.ROOT, "%-44s %7s %7s %9s %8s %10s %12s%n", "strategy", "tau-b", "rho", "top pick",
                "gap", "prepare s", "ms/candidate"));
        for (StrategyEvaluation s : e.strategies()) {
            sb.append(String.format(Locale.ROOT, "%-44s %7s %7s %9.4f %8.4f %10.2f %12.3f%n", s.spec().label(),
                    defined("%.3f", s.kendall()), defined("%.3f", s.spearman()), s.topPickFidelity(), e.fidelity()[e.best()] - s.topPickFidelity(),
                    s.prepareSeconds(), s.scoreMillisPerCandidate()));
        }
        for (String f : e.failures()) {
            sb.append("failed: ").append(f).append('\n');
        }
        e.sts().ifPresent(sts -> {
            sb.append(String.format(Locale.ROOT, "STS Spearman x100 on %d pairs of %s (plain cuts): dense %.2f, best-fidelity"
                    + " candidate %.2f%n", sts.pairs(), sts.file(), sts.dense(), sts.best()));
            sts.topPicks().forEach((label, v) -> sb.append(String.format(Locale.ROOT, "  top pick of %-32s %.2f%n", label, v)));
        });
        sb.append(e.fidelitySeconds() > 0 ? String.format(Locale.ROOT, "measuring fidelity took %.1f s; the whole"
                + " evaluation %.1f s%n", e.fidelitySeconds(), e.seconds()) : String.format(Locale.ROOT, "fidelity came from"
                + " the cache of an earlier run; the whole evaluation %.1f s%n", e.seconds()));
        return sb.toString();
    }

    /** The HTML page: the table, then one score-versus-fidelity plot per strategy. */
    public static String html(Evaluation e) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>zeroprune evaluate</title><style>body{font-family:sans-serif;margin:2em}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.plots{display:flex;flex-wrap:wrap;gap:12px}</style>"
                + "</head><body>\n");
        sb.append("<h1>How well each strategy ranks pruning candidates</h1>\n<p>").append(escape(e.model()))
                .append(String.format(Locale.ROOT, "; budget %s; %d equal-budget candidates (seed %d, %d held out);"
                        + " fidelity = mean cosine similarity to the dense model's sentence embeddings over %d sentences"
                        + " of %s. Best measured fidelity: %.4f.</p>\n", e.budget().kind().key() + " " + e.budget().ratio(),
                        e.masks().size(), e.config().search().seed(), e.heldOut().size(), e.sentences(),
                        escape(e.corpus()), e.fidelity()[e.best()]));
        sb.append("<table><tr><th>strategy</th><th>Kendall τ-b</th><th>Spearman ρ</th><th>top-pick fidelity</th>"
                + "<th>gap to best</th><th>prepare (s)</th><th>ms per candidate</th></tr>\n");
        for (StrategyEvaluation s : e.strategies()) {
            sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%.4f</td><td>%.4f</td>"
                    + "<td>%.2f</td><td>%.3f</td></tr>%n", escape(s.spec().label()), defined("%.3f", s.kendall()),
                    defined("%.3f", s.spearman()),
                    s.topPickFidelity(), e.fidelity()[e.best()] - s.topPickFidelity(), s.prepareSeconds(),
                    s.scoreMillisPerCandidate()));
        }
        sb.append("</table>\n");
        for (String f : e.failures()) {
            sb.append("<p>failed: ").append(escape(f)).append("</p>\n");
        }
        sb.append("<div class=\"plots\">\n");
        for (StrategyEvaluation s : e.strategies()) {
            double[] x = new double[e.heldOut().size()];
            double[] y = new double[x.length];
            int top = 0;
            int best = 0;
            for (int k = 0; k < x.length; k++) {
                int i = e.heldOut().get(k);
                x[k] = s.scores()[i];
                y[k] = e.fidelity()[i];
                top = i == s.topPick() ? k : top;
                best = i == e.best() ? k : best;
            }
            String title = String.format(Locale.ROOT, "%s: tau-b %s, rho %s", s.spec().label(), defined("%.2f", s.kendall()),
                    defined("%.2f", s.spearman()));
            sb.append("<div>").append(ScatterPlot.svg(title, x, y, top, best)).append("</div>\n");
        }
        return sb.append("</div>\n</body></html>\n").toString();
    }

    /** A correlation for a person: "n/a" where it is undefined (the warnings say why), never "NaN". */
    private static String defined(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "n/a";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
