package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

class MaskFisherTest {
    private static final long SEED = 42;
    private static final float STEP = 1e-2f;

    @Test
    void gradientMatchesFiniteDifferences() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        int[][] ids = {EmbeddedEncoder.tokenizer().encode("The committee postponed its decision until Friday.")};
        float[] eps = GaussianProbes.draw(SEED, 0, 0, encoder.hiddenSize());
        MaskGradients.Result g = MaskGradients.compute(encoder, ids, new float[][] {eps});

        UnitScales ones = UnitScales.ones(encoder.config());
        int[][] heads = {{0, argMaxAbs(g.heads()[0][0])}, {3, argMaxAbs(g.heads()[0][3])}, {5, 7}};
        for (int[] unit : heads) {
            double fd = (loss(ones.withHead(unit[0], unit[1], 1 + STEP), ids, eps)
                    - loss(ones.withHead(unit[0], unit[1], 1 - STEP), ids, eps)) / (2 * STEP);
            assertClose(fd, g.heads()[0][unit[0]][unit[1]], "head " + Arrays.toString(unit));
        }
        int[][] neurons = {{1, argMaxAbs(g.neurons()[0][1])}, {4, argMaxAbs(g.neurons()[0][4])}};
        for (int[] unit : neurons) {
            double fd = (loss(ones.withNeuron(unit[0], unit[1], 1 + STEP), ids, eps)
                    - loss(ones.withNeuron(unit[0], unit[1], 1 - STEP), ids, eps)) / (2 * STEP);
            assertClose(fd, g.neurons()[0][unit[0]][unit[1]], "neuron " + Arrays.toString(unit));
        }
    }

    @Test
    void fisherSumsPerSequenceSquaredGradients() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(2, 5));
        int probes = 2;
        MaskFisher fisher = MaskFisherEstimator.estimate(encoder, ids, probes, SEED);
        // the same sums, one row per backward pass
        double[] expected = new double[encoder.config().headsInLayer(2)];
        double expectedNeuron = 0;
        for (int s = 0; s < ids.length; s++) {
            for (int p = 0; p < probes; p++) {
                float[] eps = GaussianProbes.draw(SEED, s, p, encoder.hiddenSize());
                MaskGradients.Result g = MaskGradients.compute(encoder, new int[][] {ids[s]}, new float[][] {eps});
                for (int h = 0; h < expected.length; h++) {
                    expected[h] += (double) g.heads()[0][2][h] * g.heads()[0][2][h];
                }
                expectedNeuron += (double) g.neurons()[0][4][100] * g.neurons()[0][4][100];
            }
        }
        for (int h = 0; h < expected.length; h++) {
            assertEquals(expected[h], fisher.heads()[2][h], 1e-4 * expected[h] + 1e-9, "head " + h);
        }
        assertEquals(expectedNeuron, fisher.neurons()[4][100], 1e-4 * expectedNeuron + 1e-9);
    }

    @Test
    void shapesAndDeterminism() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        BertConfig config = encoder.config();
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 10));
        MaskFisher a = new BertMaskedForward(encoder, EmbeddedEncoder.tokenizer().specialTokens()).maskFisher(ids, 3, 7);
        MaskFisher b = MaskFisherEstimator.estimate(encoder, ids, 3, 7);
        MaskFisher c = MaskFisherEstimator.estimate(encoder, ids, 3, 8);
        assertEquals(10, a.sequences());
        assertEquals(config.layers(), a.heads().length);
        assertEquals(config.layers(), a.neurons().length);
        for (int l = 0; l < config.layers(); l++) {
            assertEquals(config.headsInLayer(l), a.heads()[l].length);
            assertEquals(config.ffnWidth(l), a.neurons()[l].length);
            assertClose(a.heads()[l], b.heads()[l]);
            assertClose(a.neurons()[l], b.neurons()[l]);
            assertTrue(Arrays.stream(a.heads()[l]).allMatch(v -> v > 0 && Double.isFinite(v)));
        }
        assertFalse(Arrays.equals(a.heads()[0], c.heads()[0]), "another seed draws other probes");
    }

    @Test
    void prunedCheckpointHasPerLayerShapes() {
        BertConfig config = EmbeddedEncoder.checkpoint().config();
        PruningMask mask = RandomMasks.bernoulli(config, 0.5, 11)
                .withHeads(2, UnitSet.none(config.headsInLayer(2)))
                .withNeurons(4, UnitSet.none(config.ffnWidth(4)));
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 3));
        try (BertEncoder pruned = BertEncoder.load(CheckpointPruner.prune(EmbeddedEncoder.checkpoint(), mask,
                Path.of("pruned")), 4)) {
            MaskFisher fisher = MaskFisherEstimator.estimate(pruned, ids, 1, 1);
            for (int l = 0; l < config.layers(); l++) {
                assertEquals(mask.heads(l).count(), fisher.heads()[l].length);
                assertEquals(mask.neurons(l).count(), fisher.neurons()[l].length);
            }
        }
    }

    /** Same seed, same sums: bitwise in practice; 1e-6 relative leaves room for BLAS rounding. */
    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * Math.abs(expected[i]), "unit " + i);
        }
    }

    private static double loss(UnitScales scales, int[][] ids, float[] eps) {
        float[] e = EmbeddedEncoder.encoder().maskedSentenceEmbeddings(scales, ids)[0];
        double dot = 0;
        for (int i = 0; i < e.length; i++) {
            dot += (double) eps[i] * e[i];
        }
        return -dot;
    }

    private static void assertClose(double finiteDifference, double gradient, String what) {
        System.out.printf("%s: gradient %.6g, finite difference %.6g%n", what, gradient, finiteDifference);
        assertEquals(finiteDifference, gradient, 0.01 * Math.abs(gradient) + 1e-3, what);
    }

    private static int argMaxAbs(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i]) > Math.abs(values[best])) {
                best = i;
            }
        }
        return best;
    }
}
