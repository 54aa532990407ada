package org.zeroprune.nas.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.testing.HiddenStates;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * {@code --format hf-padded}: the exported checkpoint reads back as an ordinary uniform BERT checkpoint
 * (every layer with the dense heads and FFN width, no {@code pruned_heads} or per-layer widths), and its
 * forward pass equals the pruned model's, on a model where one layer lost all its heads, one all its
 * neurons, and one some of each.
 */
class ZeroPaddedExportTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path dir;

    @Test
    void thePaddedCheckpointIsAUniformBertThatComputesThePrunedModel() throws IOException {
        TinyBert tiny = new TinyBert();
        tiny.layers = 3;
        BertCheckpoint dense = BertCheckpoint.read(tiny.write(dir.resolve("dense")));
        PruningMask mask = PruningMask.of(
                List.of(UnitSet.none(4), UnitSet.of(4, 1, 3), UnitSet.all(4)),
                List.of(UnitSet.of(24, 0, 5, 6, 7, 20), UnitSet.none(24), UnitSet.of(24, 2, 3, 11, 12, 13, 23)));
        Path out = dir.resolve("padded");
        Files.createDirectory(out);
        PrunedModelExport.Written written = PrunedModelExport.write(dense, mask, out, new ObjectMapper().createObjectNode(),
                ExportFormat.HF_PADDED, Quantization.NONE, UnaryOperator.identity());

        JsonNode config = new ObjectMapper().readTree(out.resolve(BertCheckpoint.CONFIG).toFile());
        for (String key : new String[] {BertConfig.PRUNED_HEADS, BertConfig.INTERMEDIATE_SIZES, BertConfig.PER_LAYER_CONFIG}) {
            assertFalse(config.has(key), "a plain BertConfig has no " + key + ": " + config);
        }
        assertEquals(4, config.get("num_attention_heads").asInt());
        assertEquals(24, config.get("intermediate_size").asInt());
        assertEquals("bert", config.get("model_type").asText());

        BertCheckpoint padded = BertCheckpoint.read(out);
        for (int l = 0; l < 3; l++) {
            assertEquals(4, padded.config().headsInLayer(l));
            assertEquals(24, padded.config().ffnWidth(l));
        }
        for (String name : dense.tensors().keySet()) {
            assertArrayEquals(dense.tensor(name).shape(), padded.tensor(name).shape(), name + " has the dense shape");
        }
        // the removed head 0 of layer 1 reads nothing: its columns of the attention output are zero
        float[] attnOut = floats(padded, BertNames.attentionOutput(1, "weight"));
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(0f, attnOut[r * 16 + c]);
            }
        }

        int[][] ids = randomIds(12, tiny.vocab, 3);
        float[][][] pruned;
        float[][][] reloaded;
        float[][][] full;
        try (BertEncoder encoder = BertEncoder.load(written.checkpoint(), 8)) {
            pruned = encoder.lastHiddenStates(ids);
        }
        try (BertEncoder encoder = BertEncoder.load(padded, 8)) {
            reloaded = encoder.lastHiddenStates(ids);
        }
        try (BertEncoder encoder = BertEncoder.load(dense, 8)) {
            full = encoder.lastHiddenStates(ids);
        }
        double diff = HiddenStates.maxAbsDiff(pruned, reloaded);
        System.out.printf("hf-padded read back as a uniform BERT vs the pruned model: max abs diff %.3g%n", diff);
        assertTrue(diff <= TOLERANCE, "padded vs pruned: " + diff);
        assertTrue(HiddenStates.maxAbsDiff(full, pruned) > 1e-3, "the mask changes the output");
        // the ONNX model beside it is the compact one
        assertEquals(0, written.checkpoint().config().headsInLayer(0));
        assertTrue(written.onnx().isPresent());
    }

    private static float[] floats(BertCheckpoint checkpoint, String name) {
        FloatBuffer buffer = checkpoint.tensor(name).floats();
        float[] out = new float[buffer.remaining()];
        buffer.get(0, out);
        return out;
    }

    /** Sequences of 3 to 20 token ids, each starting with token 1 as BERT's start with [CLS]. */
    static int[][] randomIds(int count, int vocab, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] ids = new int[count][];
        for (int s = 0; s < count; s++) {
            ids[s] = random.ints(random.nextInt(3, 21), 2, vocab).toArray();
            ids[s][0] = 1;
        }
        return ids;
    }
}
