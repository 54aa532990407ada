package org.zeroprune.nas.reconstruct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.RandomMasks;
import org.zeroprune.nas.forward.Sentences;

/**
 * The distillation objective on the embedded model: every term is zero when the student is the
 * teacher, positive for a cut, and the relational term ignores what does not change pairwise
 * similarities.
 */
class DistillObjectiveTest {
    private static final int[][] SENTENCES = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 12));

    @Test
    void everyTermIsZeroForTheTeacherAndPositiveForACut() {
        BertEncoder dense = EmbeddedEncoder.encoder();
        DistillTargets targets = DistillTargets.of(dense, SENTENCES);
        BertCheckpoint cut = CheckpointPruner.prune(EmbeddedEncoder.checkpoint(),
                RandomMasks.bernoulli(dense.config(), 0.5, 4), Path.of("cut"));
        try (BertEncoder student = BertEncoder.load(cut)) {
            for (DistillObjective term : new DistillObjective[] {new DistillObjective(1, 0, 0, 0),
                new DistillObjective(0, 1, 0, 0), new DistillObjective(0, 0, 1, 0), new DistillObjective(0, 0, 0, 1)}) {
                assertEquals(0, term.evaluate(dense, SENTENCES, targets), 1e-6, term::toString);
                double onCut = term.evaluate(student, SENTENCES, targets);
                assertTrue(onCut > 1e-4, term + " on the cut: " + onCut);
            }
            DistillObjective both = new DistillObjective(1, 1, 0, 0);
            assertEquals(new DistillObjective(1, 0, 0, 0).evaluate(student, SENTENCES, targets)
                    + new DistillObjective(0, 1, 0, 0).evaluate(student, SENTENCES, targets),
                    both.evaluate(student, SENTENCES, targets), 1e-5);
        }
    }

    @Test
    void weightsMustBeNonNegativeAndNotAllZero() {
        assertThrows(IllegalArgumentException.class, () -> new DistillObjective(0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DistillObjective(-1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DistillObjective(Double.NaN, 1, 0, 0));
    }
}
