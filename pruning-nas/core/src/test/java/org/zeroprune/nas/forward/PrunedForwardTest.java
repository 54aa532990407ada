package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.nas.testing.HiddenStates;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * The physically pruned checkpoint runs like the masked dense model (multiplicative 0/1 masks),
 * and so does the sliced fast path, on masks with uneven layers, including layers without heads
 * and layers without neurons.
 */
class PrunedForwardTest {
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> masks() {
        BertConfig config = EmbeddedEncoder.checkpoint().config();
        PruningMask half = RandomMasks.bernoulli(config, 0.5, 1);
        PruningMask emptyBlocks = RandomMasks.bernoulli(config, 0.6, 2)
                .withHeads(1, UnitSet.none(config.headsInLayer(1)))
                .withNeurons(3, UnitSet.none(config.ffnWidth(3)))
                .withHeads(5, UnitSet.none(config.headsInLayer(5)))
                .withNeurons(5, UnitSet.none(config.ffnWidth(5)));
        PruningMask sparse = RandomMasks.bernoulli(config, 0.15, 3)
                .withNeurons(0, UnitSet.none(config.ffnWidth(0)));
        PruningMask mostlyDense = RandomMasks.bernoulli(config, 0.9, 4)
                .withHeads(0, UnitSet.all(config.headsInLayer(0)));
        return Stream.of(Arguments.of("half", half), Arguments.of("empty blocks", emptyBlocks),
                Arguments.of("sparse", sparse), Arguments.of("mostly dense", mostlyDense));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("masks")
    void prunedAndSlicedEqualMasked(String name, PruningMask mask) {
        BertEncoder dense = EmbeddedEncoder.encoder();
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 20));
        float[][][] masked = dense.maskedLastHiddenStates(UnitScales.of(mask), ids);
        float[][][] sliced = dense.slicedLastHiddenStates(mask, ids);

        BertCheckpoint prunedCheckpoint = CheckpointPruner.prune(EmbeddedEncoder.checkpoint(), mask,
                Path.of("pruned-" + name.replace(' ', '-')));
        for (int l = 0; l < mask.layerCount(); l++) {
            assertEquals(mask.heads(l).count(), prunedCheckpoint.config().headsInLayer(l));
            assertEquals(mask.neurons(l).count(), prunedCheckpoint.config().ffnWidth(l));
        }
        float[][][] pruned;
        try (BertEncoder encoder = BertEncoder.load(prunedCheckpoint, 8)) {
            pruned = encoder.lastHiddenStates(ids);
        }
        double prunedDiff = HiddenStates.maxAbsDiff(masked, pruned);
        double slicedDiff = HiddenStates.maxAbsDiff(masked, sliced);
        System.out.printf("%s: pruned vs masked %.3g, sliced vs masked %.3g%n", name, prunedDiff, slicedDiff);
        assertTrue(prunedDiff <= TOLERANCE, "pruned vs masked: " + prunedDiff);
        assertTrue(slicedDiff <= TOLERANCE, "sliced vs masked: " + slicedDiff);
        float[][][] full = dense.lastHiddenStates(ids);
        assertTrue(HiddenStates.maxAbsDiff(full, masked) > 1e-2, "the mask changes the output");
    }
}
