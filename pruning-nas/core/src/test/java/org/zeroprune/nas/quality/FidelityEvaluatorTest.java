package org.zeroprune.nas.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.BertMaskedForward;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.RandomMasks;
import org.zeroprune.nas.forward.UnitScales;
import org.zeroprune.spi.mask.PruningMask;

class FidelityEvaluatorTest {

    @Test
    void denseIsOneAndPruningLowersFidelity() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        BertMaskedForward forward = new BertMaskedForward(encoder, EmbeddedEncoder.tokenizer().specialTokens());
        // the first 60 sentences of the evaluation part keep the test short
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Corpus.bundled().evaluation().subList(0, 60));
        FidelityEvaluator evaluator = new FidelityEvaluator(forward, encoder.denseMask(), ids);
        assertEquals(60, evaluator.sentenceCount());

        assertEquals(1.0, evaluator.fidelity(encoder.denseMask()), 1e-6);
        double mild = evaluator.fidelity(RandomMasks.bernoulli(encoder.config(), 0.9, 5));
        double heavy = evaluator.fidelity(RandomMasks.bernoulli(encoder.config(), 0.1, 5));
        System.out.printf("fidelity: keep 90%% %.4f, keep 10%% %.4f%n", mild, heavy);
        assertTrue(mild < 1 - 1e-4, "mild " + mild);
        assertTrue(heavy < mild, "heavy " + heavy + " vs mild " + mild);
        for (double s : evaluator.similarities(RandomMasks.bernoulli(encoder.config(), 0.1, 5))) {
            assertTrue(s >= -1 - 1e-9 && s <= 1 + 1e-9);
        }
    }

    @Test
    void maskedForwardAndMaskedDefinitionAgree() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Corpus.bundled().evaluation().subList(0, 8));
        PruningMask mask = RandomMasks.bernoulli(encoder.config(), 0.5, 9);
        float[][] fast = new BertMaskedForward(encoder, EmbeddedEncoder.tokenizer().specialTokens())
                .sentenceEmbeddings(mask, ids);
        float[][] masked = encoder.maskedSentenceEmbeddings(UnitScales.of(mask), ids);
        for (int i = 0; i < ids.length; i++) {
            for (int h = 0; h < fast[i].length; h++) {
                assertEquals(masked[i][h], fast[i][h], 1e-5);
            }
        }
    }

    @Test
    void needsSentences() {
        BertEncoder encoder = EmbeddedEncoder.encoder();
        BertMaskedForward forward = new BertMaskedForward(encoder, EmbeddedEncoder.tokenizer().specialTokens());
        assertThrows(IllegalArgumentException.class,
                () -> new FidelityEvaluator(forward, encoder.denseMask(), new int[0][]));
    }
}
