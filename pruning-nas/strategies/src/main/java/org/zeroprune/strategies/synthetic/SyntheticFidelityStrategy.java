package org.zeroprune.strategies.synthetic;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.zeroprune.spi.Seeds;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.ScoringStrategy;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.ProgressListener.ProgressTask;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.WeightView;

/**
 * {@code synthetic-fidelity} configured by its options. {@link #prepare} generates the sequences
 * (seeded by {@code Seeds.combine(seed option, job seed)}), reshapes them for {@code tokens=self},
 * runs the dense model on them once and returns a {@link SyntheticFidelityScorer}. Thread-safe.
 */
final class SyntheticFidelityStrategy implements ScoringStrategy {
    /** The tensor the embedding-based modes read. */
    static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";

    private final SyntheticSettings settings;

    SyntheticFidelityStrategy(SyntheticSettings settings) {
        this.settings = settings;
    }

    @Override
    public Set<Capability> requirements() {
        return Set.of(Capability.FORWARD_PASS);
    }

    @Override
    public CandidateScorer prepare(ModelView model, ScoringContext context) {
        MaskedForward forward = context.forward().orElseThrow(() -> new ScoringException(
                "synthetic-fidelity needs a forward pass of the model, which this run does not offer"));
        if (settings.length() > forward.maxSequenceLength()) {
            throw new ScoringException("synthetic-fidelity: length " + settings.length() + " exceeds the model's "
                    + forward.maxSequenceLength() + " positions");
        }
        long seed = Seeds.combine(settings.seed(), context.seed());
        SplittableRandom random = new SplittableRandom(seed);
        TokenMode mode = settings.mode();
        WeightView words = mode.usesEmbeddings() ? wordEmbeddings(model) : null;
        TokenPrior prior = words == null ? TokenPrior.uniform(forward.vocabularySize(), forward.specialTokens())
                : TokenPrior.embeddingNorms(words, forward.vocabularySize(), forward.specialTokens(), settings.sharpness());
        SequenceFrame frame = SequenceFrame.of(settings.length(), forward.specialTokens());
        int[][] start = frame.sample(prior, settings.sequences(), random);
        PruningMask dense = PruningMask.dense(model);
        int[][] sequences = start;
        if (mode == TokenMode.SELF) {
            SelfShaping shaping = new SelfShaping(words, prior, settings.topK());
            try (ProgressTask task = context.progress().start("synthetic-fidelity: shaping sequences", settings.rounds())) {
                for (int r = 0; r < settings.rounds(); r++) {
                    sequences = shaping.round(sequences, frame, ids -> forward.sentenceEmbeddings(dense, ids), random);
                    task.step();
                }
            }
        }
        DenseReference reference = new DenseReference(forward, dense, sequences);
        return new SyntheticFidelityScorer(reference, forward, Seeds.mix64(seed), details(prior, frame, start, sequences));
    }

    private static WeightView wordEmbeddings(ModelView model) {
        return model.extraWeight(WORD_EMBEDDINGS).orElseThrow(() -> new ScoringException(
                "synthetic-fidelity: tokens=embedding and tokens=self read '" + WORD_EMBEDDINGS + "', which model '"
                        + model.name() + "' does not show; use tokens=uniform"));
    }

    private Map<String, Object> details(TokenPrior prior, SequenceFrame frame, int[][] start, int[][] sequences) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("tokens", settings.mode().optionName());
        d.put("sequences", settings.sequences());
        d.put("length", settings.length());
        d.put("prior-support", prior.support());
        d.put("prior-effective-size", prior.effectiveSize());
        if (settings.mode().usesEmbeddings()) {
            d.put("sharpness", settings.sharpness());
        }
        if (settings.mode() == TokenMode.SELF) {
            d.put("rounds", settings.rounds());
            d.put("top-k", settings.topK());
            d.put("self-changed-share", changedShare(start, sequences, frame));
        }
        d.put("distinct-tokens", Arrays.stream(sequences).flatMapToInt(Arrays::stream).distinct().count());
        d.put("first-sequence", Arrays.stream(sequences[0]).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        return d;
    }

    // share of content positions whose token differs after shaping
    private static double changedShare(int[][] start, int[][] end, SequenceFrame frame) {
        long changed = 0;
        long total = 0;
        for (int s = 0; s < start.length; s++) {
            for (int t = frame.firstContent(); t < frame.endContent(); t++) {
                changed += start[s][t] != end[s][t] ? 1 : 0;
                total++;
            }
        }
        return total == 0 ? 0.0 : (double) changed / total;
    }
}
