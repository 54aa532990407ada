package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.testing.HiddenStates;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

class BertEncoderTest {

    @Test
    void resultsDoNotDependOnBatchingOrOrder() {
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 12));
        float[][][] batched = EmbeddedEncoder.encoder().lastHiddenStates(ids);
        try (BertEncoder single = BertEncoder.load(EmbeddedEncoder.checkpoint(), 1)) {
            float[][][] alone = single.lastHiddenStates(ids);
            assertTrue(HiddenStates.maxAbsDiff(batched, alone) <= 1e-5);
        }
        int[][] reversed = new int[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            reversed[i] = ids[ids.length - 1 - i];
        }
        float[][] forward = EmbeddedEncoder.encoder().sentenceEmbeddings(ids);
        float[][] backward = EmbeddedEncoder.encoder().sentenceEmbeddings(reversed);
        for (int i = 0; i < ids.length; i++) {
            assertArrayEquals(forward[i], backward[ids.length - 1 - i], 1e-5f);
        }
    }

    @Test
    void sentenceEmbeddingIsTheMeanOfTheRealPositions() {
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 6));
        float[][][] states = EmbeddedEncoder.encoder().lastHiddenStates(ids);
        float[][] embeddings = EmbeddedEncoder.encoder().sentenceEmbeddings(ids);
        for (int s = 0; s < ids.length; s++) {
            float[] mean = new float[states[s][0].length];
            for (float[] position : states[s]) {
                for (int h = 0; h < mean.length; h++) {
                    mean[h] += position[h] / states[s].length;
                }
            }
            assertArrayEquals(mean, embeddings[s], 1e-5f);
        }
    }

    @Test
    void slicedDenseMaskIsTheModelItself() {
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 5));
        BertEncoder encoder = EmbeddedEncoder.encoder();
        float[][] dense = encoder.sentenceEmbeddings(ids);
        float[][] sliced = encoder.slicedSentenceEmbeddings(encoder.denseMask(), ids);
        for (int i = 0; i < ids.length; i++) {
            assertArrayEquals(dense[i], sliced[i], 0f);
        }
    }

    @Test
    void callsFreeTheirIntermediates() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 10));
        encoder.sentenceEmbeddings(ids);
        int before = encoder.managedArrayCount();
        encoder.sentenceEmbeddings(ids);
        encoder.slicedLastHiddenStates(RandomMasks.bernoulli(encoder.config(), 0.5, 7), ids);
        encoder.maskedSentenceEmbeddings(UnitScales.ones(encoder.config()), ids);
        assertEquals(before, encoder.managedArrayCount());
    }

    @Test
    void rejectsBadInput() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        BertConfig config = encoder.config();
        assertThrows(IllegalArgumentException.class, () -> encoder.sentenceEmbeddings(new int[][] {{}}));
        assertThrows(IllegalArgumentException.class, () -> encoder.sentenceEmbeddings(new int[][] {{101, -1}}));
        assertThrows(IllegalArgumentException.class,
                () -> encoder.sentenceEmbeddings(new int[][] {{101, config.vocabSize()}}));
        assertThrows(IllegalArgumentException.class,
                () -> encoder.sentenceEmbeddings(new int[][] {new int[config.maxPositions() + 1]}));
        List<UnitSet> heads = new ArrayList<>();
        List<UnitSet> neurons = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            heads.add(UnitSet.all(config.headsInLayer(l)));
            neurons.add(UnitSet.all(l == 2 ? 3 : config.ffnWidth(l)));
        }
        PruningMask wrong = PruningMask.of(heads, neurons);
        assertThrows(IllegalArgumentException.class, () -> encoder.slicedSentenceEmbeddings(wrong, new int[][] {{101}}));
        assertEquals(0, encoder.sentenceEmbeddings(new int[0][]).length);
    }

    @Test
    void closedEncoderRefusesWork() {
        BertEncoder encoder = BertEncoder.load(EmbeddedEncoder.checkpoint());
        encoder.close();
        encoder.close();
        assertThrows(IllegalStateException.class, () -> encoder.sentenceEmbeddings(new int[][] {{101, 102}}));
    }
}
