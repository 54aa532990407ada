package org.zeroprune.nas.benchmark.flexibert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.benchmark.flexibert.variant.BalancedVariantStrategy;
import org.zeroprune.nas.benchmark.flexibert.variant.VariantFormula;
import org.zeroprune.nas.evaluate.StrategySpec;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.RegisteredStrategy;

/**
 * Turns the command line's strategy list into {@link LineupEntry}s.
 *
 * <p>Each item is a {@link StrategySpec}, {@code NAME[:KEY=VALUE,...]}. {@code layers} is the
 * harness's layer-count baseline, {@code variant-...} a harness variant
 * ({@link VariantFormula#labels()}), {@code default} the default lineup ({@link #defaultSpecs}); any
 * other name is a plugin strategy from the registry, created with the given options. A plugin spec
 * that the default lineup's file calls slow ({@link DefaultLineup#slow}) is limited to the first
 * {@code spectralSeeds} seeds.
 */
public final class StrategyLineup {
    /** Expands to {@link #defaultSpecs}. */
    public static final String DEFAULT = "default";
    private static final DefaultLineup LINEUP = DefaultLineup.load();

    private StrategyLineup() {
    }

    /** The default lineup, as {@code default-lineup.txt} lists it, expanded against the installed plugins. */
    public static List<String> defaultSpecs(PluginRegistry registry) {
        return LINEUP.expand(registry);
    }

    /** Whether {@code entry}'s row is the one the reproduced paper's figures are printed beside. */
    public static boolean reproducesPublished(LineupEntry entry) {
        return entry.kind() == LineupEntry.Kind.PLUGIN && LINEUP.published().filter(entry.label()::equals).isPresent();
    }

    /**
     * Resolves the specs in order, without duplicates; plugin strategies are created once here so
     * that an unknown name or a bad option fails before any work.
     *
     * @param specs items as described above
     * @param registry where plugin strategies come from
     * @param spectralSeeds how many seeds the spectral-statistic specs run on
     */
    public static List<LineupEntry> resolve(List<String> specs, PluginRegistry registry, int spectralSeeds) {
        LinkedHashSet<String> expanded = new LinkedHashSet<>();
        for (String spec : specs) {
            String trimmed = spec.trim();
            if (trimmed.equals(DEFAULT)) {
                expanded.addAll(defaultSpecs(registry));
            } else if (!trimmed.isEmpty()) {
                expanded.add(trimmed);
            }
        }
        if (expanded.isEmpty()) {
            throw new ZeroPruneException("no strategy to benchmark");
        }
        List<LineupEntry> strategies = new ArrayList<>();
        for (String spec : expanded) {
            strategies.add(resolveOne(spec, registry, spectralSeeds));
        }
        return strategies;
    }

    private static LineupEntry resolveOne(String spec, PluginRegistry registry, int spectralSeeds) {
        StrategySpec parsed = StrategySpec.parse(spec);
        String name = parsed.name();
        Map<String, String> options = parsed.options();
        if (name.equals(LayerCountStrategy.LABEL)) {
            requireNoOptions(spec, options);
            return new LineupEntry(spec, LineupEntry.Kind.BASELINE, "harness", options, Integer.MAX_VALUE,
                    LayerCountStrategy::new);
        }
        Optional<VariantFormula> variant = VariantFormula.byLabel(name);
        if (variant.isPresent()) {
            requireNoOptions(spec, options);
            return new LineupEntry(spec, LineupEntry.Kind.VARIANT, "harness", options, Integer.MAX_VALUE,
                    () -> new BalancedVariantStrategy(variant.get()));
        }
        if (name.startsWith("variant-")) {
            throw new ZeroPruneException("unknown variant '" + name + "'; variants: "
                    + String.join(", ", VariantFormula.labels()));
        }
        RegisteredStrategy registered = registry.get(name);
        registered.create(options);
        int seedLimit = LINEUP.slow(registered, options) ? spectralSeeds : Integer.MAX_VALUE;
        return new LineupEntry(spec, LineupEntry.Kind.PLUGIN, registered.source(), options, seedLimit,
                () -> registered.create(options));
    }

    private static void requireNoOptions(String spec, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new ZeroPruneException("strategy '" + spec + "': harness scorers take no options");
        }
    }
}
