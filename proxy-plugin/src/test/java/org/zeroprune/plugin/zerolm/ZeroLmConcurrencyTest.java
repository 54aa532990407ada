package org.zeroprune.plugin.zerolm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroprune.spi.testkit.fixture.FixtureContext;
import org.zeroprune.spi.testkit.fixture.FixtureModel;
import org.zeroprune.spi.testkit.fixture.RandomMasks;
import org.zeroprune.spi.testkit.fixture.RandomModels;
import org.zeroprune.spi.testkit.fixture.Strategies;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.mask.PruningMask;

/** Scoring from several threads gives exactly the single-threaded scores. */
class ZeroLmConcurrencyTest {

    @ParameterizedTest
    @ValueSource(strings = {"frobenius", "stable-rank"})
    void parallelScoresEqualSequentialScores(String statistic) {
        SplittableRandom random = new SplittableRandom(17);
        FixtureModel model = new RandomModels(random, 1.0).mixed("threads", 3);
        RandomMasks generator = new RandomMasks(random);
        PruningMask[] masks = new PruningMask[200];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = i % 3 == 0 && i > 0 ? masks[i - 1] : generator.mask(model);
        }
        Map<String, String> options = Map.of("alpha-selection", "fixed", "statistic", statistic, "cache-size", "16");
        CandidateScorer sequential = Strategies.create("zerolm", options).prepare(model, FixtureContext.of(model, 0));
        CandidateScorer shared = Strategies.create("zerolm", options).prepare(model, FixtureContext.of(model, 0));
        double[] expected = IntStream.range(0, masks.length).mapToDouble(i -> sequential.score(masks[i])).toArray();
        double[] parallel = IntStream.range(0, masks.length).parallel().mapToDouble(i -> shared.score(masks[i]))
                .toArray();
        assertArrayEquals(expected, parallel);
    }
}
