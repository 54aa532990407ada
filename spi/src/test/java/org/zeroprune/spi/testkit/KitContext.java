package org.zeroprune.spi.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.zeroprune.spi.context.CalibrationText;
import org.zeroprune.spi.context.CandidateSampler;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.CostModel;
import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.testkit.fixture.ExactForward;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.RandomMasks;

/**
 * The contract's scoring context: a seed, a cost model that counts kept entries, and of the optional
 * capabilities exactly those asked for. Its calibration text is random token sequences of the
 * fixture vocabulary ({@code [CLS] … [SEP]}, ids as {@link ExactForward#SPECIALS}); its sampler draws
 * {@link RandomMasks}; its labelled samples are such masks labelled with the share of parameters
 * they keep. All of it is seeded, so equal calls give equal contexts.
 */
public record KitContext(long seed, CostModel costModel, Optional<MaskedForward> forward,
        Optional<CalibrationText> calibration, Optional<CandidateSampler> sampler, List<LabelledSample> labelledSamples)
        implements ScoringContext {

    private static final int SENTENCES = 12;
    private static final int SAMPLES = 24;

    /**
     * A context over {@code model} offering {@code offered}.
     *
     * @param forward makes the forward pass, called only when {@link Capability#FORWARD_PASS} is offered
     */
    public static KitContext of(ModelView model, long seed, Set<Capability> offered,
            Function<ModelView, MaskedForward> forward) {
        CostModel cost = new FixtureContext.EntryCountCost(model);
        Optional<MaskedForward> pass = offered.contains(Capability.FORWARD_PASS)
                ? Optional.of(forward.apply(model)) : Optional.empty();
        Optional<CalibrationText> text = offered.contains(Capability.CALIBRATION_TEXT)
                ? Optional.of(text(pass.map(MaskedForward::vocabularySize).orElse(64))) : Optional.empty();
        Optional<CandidateSampler> sampler = offered.contains(Capability.CANDIDATE_SAMPLER)
                ? Optional.of(random -> sample(model, cost, new RandomMasks(random).mask(model))) : Optional.empty();
        List<LabelledSample> labelled = offered.contains(Capability.LABELLED_SAMPLES)
                ? labelled(model, cost) : List.of();
        return new KitContext(seed, cost, pass, text, sampler, labelled);
    }

    private static KitSample sample(ModelView model, CostModel cost, PruningMask mask) {
        long params = cost.params(mask);
        return new KitSample(model, mask, params, (double) params / cost.denseParams());
    }

    private static List<LabelledSample> labelled(ModelView model, CostModel cost) {
        RandomMasks masks = new RandomMasks(new SplittableRandom(23));
        List<LabelledSample> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            out.add(sample(model, cost, masks.mask(model)));
        }
        return List.copyOf(out);
    }

    private static CalibrationText text(int vocabulary) {
        SplittableRandom random = new SplittableRandom(29);
        int first = ExactForward.SPECIALS.mask() + 1;
        List<String> sentences = new ArrayList<>();
        int[][] ids = new int[SENTENCES][];
        for (int s = 0; s < SENTENCES; s++) {
            int[] sequence = new int[2 + 3 + random.nextInt(6)];
            sequence[0] = ExactForward.SPECIALS.cls();
            sequence[sequence.length - 1] = ExactForward.SPECIALS.sep();
            for (int t = 1; t < sequence.length - 1; t++) {
                sequence[t] = first + random.nextInt(vocabulary - first);
            }
            ids[s] = sequence;
            sentences.add("calibration sentence " + s);
        }
        return new Calibration(List.copyOf(sentences), ids);
    }

    /** A sampled candidate labelled with the share of parameters it keeps. */
    public record KitSample(ModelView model, PruningMask mask, long parameterCount, double quality)
            implements LabelledSample {
    }

    private record Calibration(List<String> sentences, int[][] ids) implements CalibrationText {
        @Override
        public int[][] tokenIds() {
            int[][] copy = new int[ids.length][];
            for (int i = 0; i < ids.length; i++) {
                copy[i] = ids[i].clone();
            }
            return copy;
        }
    }
}
