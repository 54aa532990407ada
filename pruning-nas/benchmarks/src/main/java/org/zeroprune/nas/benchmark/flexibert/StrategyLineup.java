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
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.OptionType;

/**
 * Turns the command line's strategy list into {@link LineupEntry}s.
 *
 * <p>Each item is a {@link StrategySpec}, {@code NAME[:KEY=VALUE,...]}. {@code layers} is the
 * harness's layer-count baseline, {@code variant-...} a harness variant
 * ({@link VariantFormula#labels()}), {@code default} the default lineup ({@link #defaultSpecs}); any
 * other name is a plugin strategy from the registry, created with the given options. A plugin spec
 * that sets {@code statistic} to anything but {@code frobenius} computes singular values and is
 * limited to the first {@code spectralSeeds} seeds.
 */
public final class StrategyLineup {
    /** Expands to {@link #defaultSpecs}. */
    public static final String DEFAULT = "default";
    /** The ZeroLM strategy's name in the plugin. */
    public static final String ZEROLM = "zerolm";
    private static final String STATISTIC = "statistic";
    private static final String FAST_STATISTIC = "frobenius";

    private StrategyLineup() {
    }

    /**
     * The default lineup: zerolm with {@code alpha-selection=benchmark-sampling} and with
     * {@code self-parameter-correlation}; zerolm with every other {@code statistic} the plugin
     * offers (benchmark sampling); the baselines {@code params}, {@code flops}, {@code magnitude},
     * {@code layers}; and every variant.
     */
    public static List<String> defaultSpecs(PluginRegistry registry) {
        List<String> specs = new ArrayList<>();
        String sampling = ZEROLM + ":alpha-selection=benchmark-sampling";
        specs.add(sampling);
        specs.add(ZEROLM + ":alpha-selection=self-parameter-correlation");
        for (String statistic : statistics(registry)) {
            if (!statistic.equals(FAST_STATISTIC)) {
                specs.add(sampling + "," + STATISTIC + "=" + statistic);
            }
        }
        specs.addAll(List.of("params", "flops", "magnitude", LayerCountStrategy.LABEL));
        specs.addAll(VariantFormula.labels());
        return specs;
    }

    private static List<String> statistics(PluginRegistry registry) {
        if (!registry.names().contains(ZEROLM)) {
            return List.of();
        }
        return registry.get(ZEROLM).provider().options().stream()
                .filter(o -> o.key().equals(STATISTIC) && o.type() == OptionType.CHOICE).findFirst()
                .map(OptionSpec::choices).orElse(List.of());
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
        String statistic = options.getOrDefault(STATISTIC, FAST_STATISTIC);
        int seedLimit = statistic.equals(FAST_STATISTIC) ? Integer.MAX_VALUE : spectralSeeds;
        return new LineupEntry(spec, LineupEntry.Kind.PLUGIN, registered.source(), options, seedLimit,
                () -> registered.create(options));
    }

    private static void requireNoOptions(String spec, Map<String, String> options) {
        if (!options.isEmpty()) {
            throw new ZeroPruneException("strategy '" + spec + "': harness scorers take no options");
        }
    }
}
