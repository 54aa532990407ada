package org.zeroprune.strategies.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.spi.testkit.fixture.BertFixture;
import org.zeroprune.spi.testkit.fixture.ExactForward;
import org.zeroprune.spi.testkit.fixture.ForwardContext;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.testkit.fixture.RecordingForward;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * {@code synthetic-fidelity} over a tiny random BERT and the exact test forward pass: the score is
 * the fidelity computed directly, the generated sequences have the promised layout, seeds repeat.
 */
class SyntheticFidelityTest {
    static final BertFixture MODEL = BertFixture.random(new SplittableRandom(5), 0.3, 1.0, 40, 16, 2, 8, 2, 6);
    private static final SpecialTokens SPECIALS = ExactForward.SPECIALS;

    @ParameterizedTest
    @ValueSource(strings = {"uniform", "embedding", "self"})
    void scoreIsTheFidelityToTheDenseModelOnTheGeneratedSequences(String tokens) {
        ExactForward exact = new ExactForward(MODEL);
        RecordingForward forward = new RecordingForward(exact, null);
        CandidateScorer scorer = Strategies.create("synthetic-fidelity",
                Map.of("tokens", tokens, "sequences", "5", "length", "7")).prepare(MODEL, ForwardContext.of(MODEL, 3, forward));
        int[][] ids = forward.lastDenseIds();
        assertEquals(5, ids.length);
        for (int[] sequence : ids) {
            assertEquals(7, sequence.length);
            assertEquals(SPECIALS.cls(), sequence[0]);
            assertEquals(SPECIALS.sep(), sequence[6]);
            for (int t = 1; t < 6; t++) {
                assertFalse(SPECIALS.isSpecial(sequence[t]), "content token " + sequence[t] + " is special");
            }
        }
        assertEquals(1.0, scorer.score(PruningMask.dense(MODEL)), 1e-12);
        RandomMasks masks = new RandomMasks(new SplittableRandom(8));
        for (int i = 0; i < 12; i++) {
            PruningMask mask = masks.mask(MODEL);
            assertEquals(directFidelity(exact, mask, ids), scorer.score(mask), 1e-12, mask.toString());
        }
    }

    /**
     * The unit-free cost of each mode, in tokens through the encoder: {@code prepare} runs the dense
     * model once on {@code sequences × length} tokens, {@code self} once more per round; every
     * candidate then costs exactly one pass over {@code sequences × length} tokens.
     */
    @ParameterizedTest
    @CsvSource({"uniform, 0", "embedding, 0", "self, 3"})
    void preparationRunsOneDensePassPlusOnePerRoundAndEachCandidateOnePass(String tokens, int rounds) {
        ExactForward forward = new ExactForward(MODEL);
        CandidateScorer scorer = Strategies.create("synthetic-fidelity",
                Map.of("tokens", tokens, "sequences", "6", "length", "9")).prepare(MODEL, ForwardContext.of(MODEL, 0, forward));
        assertEquals((1 + rounds) * 6 * 9, forward.tokensProcessed());
        PruningMask mask = PruningMask.dense(MODEL).withHeads(0, UnitSet.of(2, 1));
        scorer.score(mask);
        scorer.score(mask);
        assertEquals((3 + rounds) * 6 * 9, forward.tokensProcessed());
    }

    @Test
    void removingEverythingScoresBelowRemovingOneHead() {
        CandidateScorer scorer = prepare(Map.of(), 0);
        PruningMask dense = PruningMask.dense(MODEL);
        PruningMask oneHeadLess = dense.withHeads(1, UnitSet.of(2, 0));
        PruningMask nothing = dense;
        for (int l = 0; l < MODEL.layerCount(); l++) {
            nothing = nothing.withHeads(l, UnitSet.none(2)).withNeurons(l, UnitSet.none(6));
        }
        double one = scorer.score(oneHeadLess);
        double all = scorer.score(nothing);
        assertTrue(one < 1.0, "removing a head changes the output: " + one);
        assertTrue(all < one, "removing everything (" + all + ") must score below removing one head (" + one + ")");
    }

    @Test
    void sameSeedsRepeatAndOtherSeedsGenerateOtherSequences() {
        RandomMasks masks = new RandomMasks(new SplittableRandom(2));
        CandidateScorer a = prepare(Map.of("seed", "4"), 11);
        CandidateScorer b = prepare(Map.of("seed", "4"), 11);
        for (int i = 0; i < 10; i++) {
            PruningMask mask = masks.mask(MODEL);
            assertEquals(a.score(mask), b.score(mask));
        }
        assertEquals(a.details(), b.details());
        Object first = a.details().get("first-sequence");
        assertNotEquals(first, prepare(Map.of("seed", "5"), 11).details().get("first-sequence"));
        assertNotEquals(first, prepare(Map.of("seed", "4"), 12).details().get("first-sequence"));
    }

    @Test
    void parallelScoresEqualSequentialScores() {
        RandomMasks generator = new RandomMasks(new SplittableRandom(13));
        PruningMask[] masks = IntStream.range(0, 40).mapToObj(i -> generator.mask(MODEL)).toArray(PruningMask[]::new);
        CandidateScorer scorer = prepare(Map.of("tokens", "embedding"), 1);
        double[] sequential = IntStream.range(0, masks.length).mapToDouble(i -> scorer.score(masks[i])).toArray();
        double[] parallel = IntStream.range(0, masks.length).parallel().mapToDouble(i -> scorer.score(masks[i])).toArray();
        assertArrayEquals(sequential, parallel);
    }

    @Test
    void unitImportanceIsTheFisherInformationOnTheGeneratedSequences() {
        MaskFisher table = new MaskFisher(new double[][] {{1, 2}, {3, 4}}, new double[][] {new double[6], new double[6]}, 4);
        RecordingForward forward = new RecordingForward(new ExactForward(MODEL), table);
        CandidateScorer scorer = Strategies.create("synthetic-fidelity", Map.of("sequences", "4"))
                .prepare(MODEL, ForwardContext.of(MODEL, 0, forward));
        assertTrue(forward.fisherCalls().isEmpty(), "importance is computed on first use only");
        UnitImportance importance = scorer.unitImportance().orElseThrow();
        assertArrayEquals(table.heads()[1], importance.heads()[1]);
        assertSame(importance, scorer.unitImportance().orElseThrow(), "computed once");
        assertEquals(1, forward.fisherCalls().size());
        assertArrayEquals(forward.lastDenseIds(), forward.fisherCalls().get(0), "Fisher runs on the generated sequences");
    }

    @Test
    void unitImportanceIsEmptyWhenTheForwardPassHasNoGradients() {
        assertTrue(prepare(Map.of(), 0).unitImportance().isEmpty());
    }

    @Test
    void detailsDescribeWhatWasGenerated() {
        Map<String, Object> self = prepare(Map.of("sequences", "3", "length", "5"), 0).details();
        assertEquals("self", self.get("tokens"));
        assertEquals(3, self.get("sequences"));
        assertEquals(5, self.get("length"));
        assertEquals(3, self.get("rounds"));
        assertEquals(35, self.get("prior-support"), "40 ids minus 5 special");
        assertEquals(5, ((String) self.get("first-sequence")).split(" ").length);
        assertTrue(self.containsKey("self-changed-share"));
        Map<String, Object> uniform = prepare(Map.of("tokens", "uniform"), 0).details();
        assertEquals(35.0, (double) uniform.get("prior-effective-size"), 1e-9);
        assertFalse(uniform.containsKey("sharpness"));
    }

    private static CandidateScorer prepare(Map<String, String> options, long contextSeed) {
        return Strategies.create("synthetic-fidelity", options)
                .prepare(MODEL, ForwardContext.of(MODEL, contextSeed, new ExactForward(MODEL)));
    }

    /** Mean cosine similarity of the masked and the dense embeddings, straight from the forward pass. */
    static double directFidelity(ExactForward forward, PruningMask mask, int[][] ids) {
        float[][] dense = forward.sentenceEmbeddings(PruningMask.dense(MODEL), ids);
        float[][] masked = forward.sentenceEmbeddings(mask, ids);
        double sum = 0;
        for (int s = 0; s < ids.length; s++) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int i = 0; i < dense[s].length; i++) {
                ab += (double) dense[s][i] * masked[s][i];
                aa += (double) dense[s][i] * dense[s][i];
                bb += (double) masked[s][i] * masked[s][i];
            }
            sum += aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
        }
        return sum / ids.length;
    }
}
