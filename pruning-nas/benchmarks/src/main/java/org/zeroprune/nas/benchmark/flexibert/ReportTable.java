package org.zeroprune.nas.benchmark.flexibert;

import java.util.Locale;

/**
 * The report as a table for a person: per strategy τ-b and ρ over all and held-out architectures
 * (mean ± sd across seeds), α, and seconds per pass (score time / build + score time), with the
 * published numbers beside the rows they belong to and in a footer.
 */
public final class ReportTable {
    private static final String COLUMNS = " %-8s %5s  %-13s %-13s %-13s %-13s %-13s %-13s %s%n";

    private ReportTable() {
    }

    /** The table as text. */
    public static String of(BenchmarkReport report) {
        StringBuilder out = new StringBuilder();
        BenchmarkSettings s = report.settings();
        out.append(String.format(Locale.ROOT,
                "FlexiBERT benchmark: %d architectures, %d seed(s) %s, alpha sample %d (held out %d), T = %d, %d thread(s)%n",
                report.architectures(), s.seeds().size(), s.seeds(), s.sampleSize(),
                report.architectures() - s.sampleSize(), s.sequenceLength(), s.threads()));
        // the strategy column is as wide as the longest label, so long option lists stay aligned
        int width = report.strategies().stream().mapToInt(o -> o.strategy().label().length()).max().orElse(0);
        String row = "%-" + Math.max(width, "strategy".length()) + "s" + COLUMNS;
        out.append(String.format(Locale.ROOT, row, "strategy", "kind", "seeds", "tau all", "rho all", "tau held-out",
                "rho held-out", "alpha", "seconds", "published"));
        for (StrategyOutcome o : report.strategies()) {
            out.append(String.format(Locale.ROOT, row, o.strategy().label(), o.strategy().kind().word(),
                    o.seeds().size(), spread(o.tauAll(), 3), spread(o.rhoAll(), 3), spread(o.tauHeldOut(), 3),
                    spread(o.rhoHeldOut(), 3), spread(o.alpha(), 2), seconds(o), published(o.strategy())));
        }
        out.append(String.format(Locale.ROOT,
                "published: ZeroLM (Chen et al. 2025) tau %.2f rho %.2f; number of layers tau %.2f rho %.2f%n",
                BenchmarkReport.PAPER_ZEROLM_TAU, BenchmarkReport.PAPER_ZEROLM_RHO, BenchmarkReport.PAPER_LAYERS_TAU,
                BenchmarkReport.PAPER_LAYERS_RHO));
        out.append("seconds: per seed pass, time in prepare+score / build+prepare+score, summed over the "
                + "architectures (one core's worth)\n");
        double passes = report.passes().stream().mapToDouble(SeedPassSummary::wallSeconds).sum();
        double build = report.passes().stream().mapToDouble(SeedPassSummary::buildSeconds).sum();
        out.append(String.format(Locale.ROOT,
                "wall time: %.1f s in all; %.1f s per seed pass on average (every strategy, %d architectures);"
                        + " weight building %.1f s per pass%n",
                report.wallSeconds(), passes / report.passes().size(), report.architectures(),
                build / report.passes().size()));
        return out.toString();
    }

    private static String spread(Spread s, int decimals) {
        if (s.count() == 0) {
            return "-";
        }
        String f = "%." + decimals + "f ± %." + decimals + "f";
        return String.format(Locale.ROOT, f, s.mean(), s.sd());
    }

    private static String seconds(StrategyOutcome o) {
        return String.format(Locale.ROOT, "%.1f/%.1f", o.scoreSeconds().mean(), o.totalSeconds().mean());
    }

    private static String published(LineupEntry strategy) {
        if (strategy.label().equals(LayerCountStrategy.LABEL)) {
            return String.format(Locale.ROOT, "tau %.2f rho %.2f", BenchmarkReport.PAPER_LAYERS_TAU,
                    BenchmarkReport.PAPER_LAYERS_RHO);
        }
        if (StrategyLineup.reproducesPublished(strategy)) {
            return String.format(Locale.ROOT, "tau %.2f rho %.2f", BenchmarkReport.PAPER_ZEROLM_TAU,
                    BenchmarkReport.PAPER_ZEROLM_RHO);
        }
        return "";
    }
}
