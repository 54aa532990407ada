package org.zeroprune.nas.benchmark.flexibert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zeroprune.nas.benchmark.flexibert.variant.VariantFormula;
import org.zeroprune.nas.evaluate.StrategySpec;
import org.zeroprune.nas.plugin.PluginRegistry;
import org.zeroprune.nas.plugin.RegisteredStrategy;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.OptionType;

/**
 * The default lineup and what the benchmark knows of particular plugins, read from
 * {@code default-lineup.txt} beside this class (its header says the format): which specs run,
 * which options make a spec slow, and which row reproduces the published figures. Option choices
 * and defaults come from the plugins through the SPI's {@link OptionSpec}s.
 *
 * @param specs the spec lines, {@code KEY=*} not yet expanded, {@link #VARIANTS} for the variants
 * @param slowOptions options that make a plugin spec slow when set away from their default
 * @param published the spec whose row the published figures go beside, if any
 */
record DefaultLineup(List<String> specs, Set<String> slowOptions, Optional<String> published) {
    static final String RESOURCE = "default-lineup.txt";
    private static final String VARIANTS = "variants";
    private static final String ANY = "=*";

    /** The lineup shipped with the benchmark. */
    static DefaultLineup load() {
        try (InputStream in = DefaultLineup.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the benchmark's class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static DefaultLineup parse(String text) {
        List<String> specs = new ArrayList<>();
        Set<String> slow = new LinkedHashSet<>();
        String published = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "slow" -> slow.add(words[1]);
                case VARIANTS -> specs.add(VARIANTS);
                case "spec" -> {
                    specs.add(words[1]);
                    if (words.length > 2 && words[2].equals("published")) {
                        published = words[1];
                    }
                }
                default -> throw new IllegalStateException(RESOURCE + ": unknown entry '" + line + "'");
            }
        }
        return new DefaultLineup(List.copyOf(specs), Set.copyOf(slow), Optional.ofNullable(published));
    }

    /** The specs, with {@code KEY=*} expanded over the plugin's choices and the variants listed. */
    List<String> expand(PluginRegistry registry) {
        List<String> out = new ArrayList<>();
        for (String spec : specs) {
            if (spec.equals(VARIANTS)) {
                out.addAll(VariantFormula.labels());
            } else if (spec.endsWith(ANY)) {
                out.addAll(expandChoices(spec, registry));
            } else {
                out.add(spec);
            }
        }
        return out;
    }

    /**
     * Whether a plugin spec is slow: it sets one of the {@link #slowOptions} to a value other than
     * the option's declared default.
     */
    boolean slow(RegisteredStrategy plugin, Map<String, String> options) {
        return plugin.provider().options().stream().anyMatch(o -> slowOptions.contains(o.key())
                && options.containsKey(o.key()) && !options.get(o.key()).equals(o.defaultValue()));
    }

    // "NAME:...,KEY=*" -> one spec per choice of KEY other than its default; none if NAME is not installed
    private static List<String> expandChoices(String spec, PluginRegistry registry) {
        String prefix = spec.substring(0, spec.length() - ANY.length());
        int cut = Math.max(prefix.lastIndexOf(','), prefix.lastIndexOf(':'));
        String key = prefix.substring(cut + 1);
        String name = StrategySpec.parse(spec.substring(0, cut)).name();
        if (!registry.names().contains(name)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        registry.get(name).provider().options().stream()
                .filter(o -> o.key().equals(key) && o.type() == OptionType.CHOICE).findFirst()
                .ifPresent(o -> o.choices().stream().filter(c -> !c.equals(o.defaultValue()))
                        .forEach(c -> out.add(prefix + "=" + c)));
        return out;
    }
}
