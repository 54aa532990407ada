package org.zeroprune.nas.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real plugin jar of strategies that misbehave the ways a plugin can: unit importances that are NaN,
 * infinite or too short, details no writer can serialise, {@link Error}s while preparing and scoring,
 * and calls that never return (they sleep forever and ignore interruption).
 */
public final class HostilePlugins {
    /** A scorer whose importance is built by {@code spoil}, a statement run per layer {@code l} on arrays h, n. */
    private static final String IMPORTANCE = "return (m, c) -> new CandidateScorer() {"
            + " public double score(org.zeroprune.spi.mask.PruningMask mask) { return mask.keptHeads(); }"
            + " public java.util.Optional<UnitImportance> unitImportance() {"
            + "  double[][] h = new double[m.layerCount()][]; double[][] n = new double[m.layerCount()][];"
            + "  for (int l = 0; l < h.length; l++) { h[l] = new double[m.layer(l).attention().unitCount()];"
            + "   n[l] = new double[m.layer(l).ffn().unitCount()]; %s }"
            + "  return java.util.Optional.of(new UnitImportance(h, n)); } };";
    private static final String FOREVER = "static double forever() { while (true) { try { Thread.sleep(60_000); }"
            + " catch (InterruptedException ignored) { } } }";

    private HostilePlugins() {
    }

    /** Writes the jar {@code hostile.jar} into {@code dir}. */
    public static Path write(Path dir) throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        add(sources, "NanImportance", "nan-importance", IMPORTANCE.formatted(
                "java.util.Arrays.fill(h[l], Double.NaN); java.util.Arrays.fill(n[l], Double.NaN);"), "");
        add(sources, "InfiniteImportance", "infinite-importance", IMPORTANCE.formatted(
                "if (l == 1) n[l][5] = Double.NEGATIVE_INFINITY;"), "");
        add(sources, "ShortImportance", "short-importance", IMPORTANCE.formatted("if (l == 0) h[l] = new double[1];"), "");
        add(sources, "NegativeImportance", "negative-importance", IMPORTANCE.formatted(
                "for (int u = 0; u < n[l].length; u++) n[l][u] = -u; for (int u = 0; u < h[l].length; u++) h[l][u] = -u;"),
                "");
        add(sources, "ObjectDetails", "object-details", "return (m, c) -> new CandidateScorer() {"
                + " public double score(org.zeroprune.spi.mask.PruningMask mask) { return mask.keptHeads(); }"
                + " public java.util.Map<String, Object> details() { return java.util.Map.of(\"state\", new Object()); }"
                + " };", "");
        add(sources, "OverflowsInPrepare", "overflows-in-prepare", "return (m, c) -> { deeper(0); return mask -> 1.0; };",
                "static int deeper(int n) { return deeper(n + 1) + 1; }");
        add(sources, "OutOfMemoryInScore", "out-of-memory-in-score",
                "return (m, c) -> mask -> { throw new OutOfMemoryError(\"Java heap space\"); };", "");
        add(sources, "SleepsInPrepare", "sleeps-in-prepare", "return (m, c) -> { forever(); return mask -> 1.0; };",
                FOREVER);
        add(sources, "SleepsInScore", "sleeps-in-score", "return (m, c) -> mask -> forever();", FOREVER);
        return PluginJarBuilder.build(sources, dir.resolve("hostile.jar"));
    }

    private static void add(Map<String, String> sources, String type, String name, String create, String extra) {
        sources.put("hostile." + type, PluginJarBuilder.provider("hostile", type, name, create, extra));
    }
}
