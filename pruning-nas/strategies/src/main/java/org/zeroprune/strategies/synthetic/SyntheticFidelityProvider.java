package org.zeroprune.strategies.synthetic;

import java.util.List;
import org.zeroprune.spi.OptionSpec;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.ScoringStrategyProvider;
import org.zeroprune.spi.StrategyOptions;

/**
 * {@code synthetic-fidelity}: the framework's ground truth, fidelity to the dense model, measured on
 * token sequences the strategy makes itself instead of on text.
 *
 * <p>Definition. {@code prepare} generates {@code sequences} sequences of {@code length} tokens,
 * {@code [CLS]} first and {@code [SEP]} last ({@link SequenceFrame}), content tokens drawn by
 * {@code tokens}:
 * <ul>
 *   <li>{@code uniform}: uniformly over the ids that are not special tokens;
 *   <li>{@code embedding}: {@code p(v) ∝ ‖e_v‖^κ}, {@code e_v} the token's word embedding, κ =
 *       {@code sharpness} ({@link TokenPrior#embeddingNorms}: the norm measures how much the
 *       token was trained, so untrained ids are suppressed);
 *   <li>{@code self} (default): {@code embedding} sequences reshaped in {@code rounds} rounds
 *       towards the dense model's own reading of them ({@link SelfShaping}).
 * </ul>
 * It then runs the dense model once ({@code PruningMask.dense(model)}). The score of a candidate
 * is {@code (1/N) Σ_s cos(f_mask(s), f_dense(s))}, {@code f} the mean-pooled last hidden state
 * ({@link DenseReference}); the dense model scores 1. All random choices come from
 * {@code Seeds.combine(seed, job seed)}; the same seed gives the same sequences.
 *
 * <p>Cost: one masked forward pass over {@code sequences × length} tokens per candidate;
 * {@code prepare} adds one dense pass, and for {@code self} {@code rounds} more dense passes and
 * {@code rounds} passes over the embedding matrix. Needs {@code Capability.FORWARD_PASS}; uses no
 * corpus. Per-unit importance: see {@link SyntheticFidelityScorer}.
 *
 * <p>Measured on the embedded MiniLM (2 cores; random equal-MACs candidates, fidelity on the
 * corpus's evaluation part; two independent candidate sets): with the defaults, 32 sequences × 8
 * tokens, {@code self}, Kendall τ-b 0.73–0.81 at 50% MACs and 0.83–0.89 at 70% over four seeds,
 * top pick within 0.8% of the best candidate, 39–56 ms per candidate ({@code prepare} 1–1.5 s).
 * 32 × 32 costs about 170–300 ms per candidate and ranks worse (uniform tokens: τ 0.58–0.63 at
 * 50%), which is why the default length is 8.
 */
public final class SyntheticFidelityProvider implements ScoringStrategyProvider {

    /** Needed by {@link java.util.ServiceLoader}. */
    public SyntheticFidelityProvider() {
    }

    @Override
    public String name() {
        return "synthetic-fidelity";
    }

    @Override
    public String spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String description() {
        return "Data-free: mean cosine similarity to the dense model's sentence embeddings on token sequences the "
                + "strategy generates (no corpus); one forward pass per candidate";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.ofInt(SyntheticSettings.SEQUENCES, 32, "generated sequences, in [1, 4096]"),
                OptionSpec.ofInt(SyntheticSettings.LENGTH, 8,
                        "tokens per sequence including [CLS] and [SEP], in [3, 8192] and at most the model's positions"),
                OptionSpec.ofChoice(SyntheticSettings.TOKENS, TokenMode.SELF.optionName(),
                        "uniform: any non-special id; embedding: p(v) ~ ||e_v||^sharpness; self: embedding sequences "
                                + "reshaped towards the dense model's output",
                        TokenMode.optionNames()),
                OptionSpec.ofDouble(SyntheticSettings.SHARPNESS, 8.0,
                        "exponent of the embedding-norm prior (tokens=embedding or self), in [0, 64]; 0 is uniform"),
                OptionSpec.ofInt(SyntheticSettings.ROUNDS, 3, "reshaping rounds (tokens=self), in [1, 64]"),
                OptionSpec.ofInt(SyntheticSettings.TOP_K, 32,
                        "a reshaped position draws from this many closest tokens (tokens=self), in [1, 1000000]"),
                OptionSpec.ofLong(SyntheticSettings.SEED, 0, "seed of the generated sequences, mixed with the job's seed"));
    }

    @Override
    public ScoringStrategy create(StrategyOptions options) {
        return new SyntheticFidelityStrategy(SyntheticSettings.from(options));
    }
}
