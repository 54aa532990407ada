package org.zeroprune.strategies.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zeroprune.spi.testkit.fixture.FixtureWeight;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/** A shaping round puts in only the tokens closest, by centred cosine, to each sequence's centred output. */
class SelfShapingTest {
    private static final SpecialTokens SPECIALS = new SpecialTokens(0, 1, -1, -1, -1);
    private static final int VOCABULARY = 30;
    private static final int HIDDEN = 4;

    @Test
    void replacedTokensAreAmongTheKClosestToTheCentredOutput() {
        SplittableRandom random = new SplittableRandom(21);
        float[] values = new float[VOCABULARY * HIDDEN];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        WeightView words = FixtureWeight.matrix("w", WeightRole.OTHER, VOCABULARY, HIDDEN, UnitCut.NONE, UnitCut.NONE,
                values);
        TokenPrior prior = TokenPrior.uniform(VOCABULARY, SPECIALS);
        SequenceFrame frame = SequenceFrame.of(8, SPECIALS);
        int[][] start = frame.sample(prior, 3, random);
        int[][] before = Arrays.stream(start).map(int[]::clone).toArray(int[][]::new);
        float[][] pooled = {{1, 0, 2, 0}, {0, -1, 0, 3}, {2, 2, -1, 0}};
        int k = 4;
        int[][] shaped = new SelfShaping(words, prior, k).round(start, frame, ids -> pooled, new SplittableRandom(5));

        double[] mean = new double[HIDDEN];
        for (int v = 2; v < VOCABULARY; v++) {
            for (int i = 0; i < HIDDEN; i++) {
                mean[i] += values[v * HIDDEN + i] / (VOCABULARY - 2.0);
            }
        }
        int changed = 0;
        for (int s = 0; s < 3; s++) {
            double[] target = new double[HIDDEN];
            for (int i = 0; i < HIDDEN; i++) {
                target[i] = pooled[s][i] - (pooled[0][i] + pooled[1][i] + pooled[2][i]) / 3.0;
            }
            Set<Integer> closest = closest(values, mean, target, k);
            assertEquals(0, shaped[s][0]);
            assertEquals(1, shaped[s][7]);
            for (int t = 1; t < 7; t++) {
                if (shaped[s][t] != start[s][t]) {
                    changed++;
                    assertTrue(closest.contains(shaped[s][t]), "token " + shaped[s][t] + " not among " + closest);
                }
            }
        }
        assertTrue(changed > 0, "half of the positions are redrawn on average");
        assertArrayEquals(before, start, "the round works on a copy");
    }

    @Test
    void nearestTokensKeepTheBestScoresAndPreferSmallerIdsOnTies() {
        NearestTokens nearest = new NearestTokens(3);
        double[] scores = {0.5, 2.0, 2.0, -1.0, 2.0, 3.0, 0.5};
        for (int id = 0; id < scores.length; id++) {
            nearest.offer(scores[id], id);
        }
        Set<Integer> kept = IntStream.range(0, nearest.size()).map(nearest::id).boxed().collect(Collectors.toSet());
        assertEquals(Set.of(5, 1, 2), kept);
    }

    private static Set<Integer> closest(float[] values, double[] mean, double[] target, int k) {
        Integer[] ids = IntStream.range(2, VOCABULARY).boxed().toArray(Integer[]::new);
        double[] cosine = new double[VOCABULARY];
        for (int v = 2; v < VOCABULARY; v++) {
            double dot = 0;
            double nv = 0;
            double nt = 0;
            for (int i = 0; i < HIDDEN; i++) {
                double c = values[v * HIDDEN + i] - mean[i];
                dot += c * target[i];
                nv += c * c;
                nt += target[i] * target[i];
            }
            cosine[v] = dot / Math.sqrt(nv * nt);
        }
        Arrays.sort(ids, Comparator.comparingDouble((Integer v) -> -cosine[v]).thenComparingInt(v -> v));
        return new HashSet<>(Arrays.asList(ids).subList(0, k));
    }
}
