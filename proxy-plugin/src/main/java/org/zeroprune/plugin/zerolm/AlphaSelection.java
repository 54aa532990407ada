package org.zeroprune.plugin.zerolm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.zeroprune.plugin.stats.RankCorrelation;
import org.zeroprune.spi.context.Capability;

/** How ZeroLM's balance α is chosen. */
public enum AlphaSelection {
    /** α is the {@code alpha} option. */
    FIXED(null, null),
    /**
     * The grid α that maximises Kendall's τ-b between score and measured quality over the
     * context's labelled samples.
     */
    BENCHMARK_SAMPLING(Capability.LABELLED_SAMPLES, RankCorrelation.KENDALL_TAU_B),
    /**
     * The grid α that maximises Spearman's ρ between score and parameter count over candidates
     * drawn from the context's sampler; needs no labels.
     */
    SELF_PARAMETER_CORRELATION(Capability.CANDIDATE_SAMPLER, RankCorrelation.SPEARMAN_RHO);

    private final Capability requirement;
    private final RankCorrelation correlation;

    AlphaSelection(Capability requirement, RankCorrelation correlation) {
        this.requirement = requirement;
        this.correlation = correlation;
    }

    /** The option word, e.g. {@code benchmark-sampling}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The selection named {@code word}. */
    public static AlphaSelection fromOptionName(String word) {
        return Arrays.stream(values()).filter(s -> s.optionName().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no alpha selection '" + word + "'"));
    }

    /** Every option word, in declaration order. */
    public static String[] optionNames() {
        return Arrays.stream(values()).map(AlphaSelection::optionName).toArray(String[]::new);
    }

    /** What the selection needs from the scoring context. */
    public Optional<Capability> requirement() {
        return Optional.ofNullable(requirement);
    }

    /** The correlation that the selection maximises; empty for {@link #FIXED}. */
    public Optional<RankCorrelation> correlation() {
        return Optional.ofNullable(correlation);
    }
}
