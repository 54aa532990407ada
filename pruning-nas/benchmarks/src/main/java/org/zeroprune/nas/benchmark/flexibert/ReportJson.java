package org.zeroprune.nas.benchmark.flexibert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link BenchmarkReport}: settings, the published numbers, per strategy its
 * summary (mean, sd and count across seeds of τ-b and ρ over all and held-out architectures, α,
 * seconds) and its per-seed outcomes, and per seed pass its α sample and timings. A number that
 * is undefined (NaN: a constant proxy, or no α) is written as {@code null}.
 */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportJson() {
    }

    /** The report as a JSON tree. */
    public static ObjectNode of(BenchmarkReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "flexibert");
        root.put("data", report.data());
        root.put("architectures", report.architectures());
        BenchmarkSettings settings = report.settings();
        ObjectNode s = root.putObject("settings");
        ArrayNode seeds = s.putArray("seeds");
        settings.seeds().forEach(seeds::add);
        s.put("sampleSize", settings.sampleSize());
        s.put("heldOut", report.architectures() - settings.sampleSize());
        s.put("threads", settings.threads());
        s.put("sequenceLength", settings.sequenceLength());
        ObjectNode published = root.putObject("published");
        published(published.putObject("zerolm"), BenchmarkReport.PAPER_ZEROLM_TAU, BenchmarkReport.PAPER_ZEROLM_RHO,
                "Chen et al. 2025, ZeroLM (arXiv 2503.18646)");
        published(published.putObject("layers"), BenchmarkReport.PAPER_LAYERS_TAU, BenchmarkReport.PAPER_LAYERS_RHO,
                "number of layers (Serianni and Kalita 2023)");
        ArrayNode strategies = root.putArray("strategies");
        report.strategies().forEach(o -> strategy(strategies.addObject(), o));
        ArrayNode passes = root.putArray("passes");
        for (SeedPassSummary p : report.passes()) {
            ObjectNode node = passes.addObject();
            node.put("seed", p.seed());
            ArrayNode ids = node.putArray("alphaSampleIds");
            p.alphaSampleIds().forEach(ids::add);
            ArrayNode labels = node.putArray("strategies");
            p.strategies().forEach(labels::add);
            number(node, "buildSeconds", p.buildSeconds());
            number(node, "wallSeconds", p.wallSeconds());
        }
        number(root, "wallSeconds", report.wallSeconds());
        return root;
    }

    /** The report as indented JSON text. */
    public static String text(BenchmarkReport report) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(of(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    private static void published(ObjectNode node, double tau, double rho, String source) {
        node.put("kendallTau", tau);
        node.put("spearmanRho", rho);
        node.put("source", source);
    }

    private static void strategy(ObjectNode node, StrategyOutcome outcome) {
        LineupEntry strategy = outcome.strategy();
        node.put("label", strategy.label());
        node.put("kind", strategy.kind().word());
        node.put("source", strategy.source());
        ObjectNode options = node.putObject("options");
        strategy.options().forEach(options::put);
        ObjectNode summary = node.putObject("summary");
        spread(summary, "kendallTauAll", outcome.tauAll());
        spread(summary, "spearmanRhoAll", outcome.rhoAll());
        spread(summary, "kendallTauHeldOut", outcome.tauHeldOut());
        spread(summary, "spearmanRhoHeldOut", outcome.rhoHeldOut());
        spread(summary, "alpha", outcome.alpha());
        spread(summary, "scoreSeconds", outcome.scoreSeconds());
        spread(summary, "totalSeconds", outcome.totalSeconds());
        ArrayNode seeds = node.putArray("seeds");
        for (SeedOutcome o : outcome.seeds()) {
            ObjectNode seed = seeds.addObject();
            seed.put("seed", o.seed());
            number(seed, "kendallTauAll", o.all().kendallTau());
            number(seed, "spearmanRhoAll", o.all().spearmanRho());
            number(seed, "kendallTauHeldOut", o.heldOut().kendallTau());
            number(seed, "spearmanRhoHeldOut", o.heldOut().spearmanRho());
            number(seed, "alpha", o.alpha());
            number(seed, "scoreSeconds", o.scoreSeconds());
            number(seed, "buildSeconds", o.buildSeconds());
            number(seed, "totalSeconds", o.totalSeconds());
            details(seed.putObject("details"), o.details());
            if (o.scores() != null) {
                ArrayNode scores = seed.putArray("scores");
                for (double v : o.scores()) {
                    scores.add(v);
                }
            }
        }
    }

    private static void spread(ObjectNode parent, String key, Spread spread) {
        ObjectNode node = parent.putObject(key);
        number(node, "mean", spread.mean());
        number(node, "sd", spread.sd());
        node.put("seeds", spread.count());
    }

    private static void details(ObjectNode node, Map<String, Object> details) {
        new TreeMap<>(details).forEach((k, v) -> {
            if (v instanceof Number n) {
                number(node, k, n.doubleValue());
            } else if (v instanceof Boolean b) {
                node.put(k, b);
            } else {
                node.put(k, String.valueOf(v));
            }
        });
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
