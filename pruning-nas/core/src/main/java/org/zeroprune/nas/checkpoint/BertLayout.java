package org.zeroprune.nas.checkpoint;

import java.nio.file.Path;
import java.util.Arrays;

/** Checks that a checkpoint's tensors have the shapes its configuration implies. */
final class BertLayout {
    private BertLayout() {
    }

    /** @throws CheckpointException naming the first tensor that is missing or has the wrong shape */
    static void check(Path file, BertCheckpoint checkpoint) {
        BertConfig c = checkpoint.config();
        int hidden = c.hiddenSize();
        expect(file, checkpoint, BertNames.WORD_EMBEDDINGS, c.vocabSize(), hidden);
        expect(file, checkpoint, BertNames.POSITION_EMBEDDINGS, c.maxPositions(), hidden);
        expectIfPresent(file, checkpoint, BertNames.TOKEN_TYPE_EMBEDDINGS, c.typeVocabSize(), hidden);
        expect(file, checkpoint, BertNames.EMBEDDINGS_NORM_WEIGHT, hidden);
        expect(file, checkpoint, BertNames.EMBEDDINGS_NORM_BIAS, hidden);
        for (int layer = 0; layer < c.layers(); layer++) {
            int inner = c.headsInLayer(layer) * c.headSize();
            int width = c.ffnWidth(layer);
            for (String name : new String[] {BertNames.query(layer, "weight"), BertNames.key(layer, "weight"),
                    BertNames.value(layer, "weight")}) {
                expect(file, checkpoint, name, inner, hidden);
            }
            for (String name : new String[] {BertNames.query(layer, "bias"), BertNames.key(layer, "bias"),
                    BertNames.value(layer, "bias")}) {
                expect(file, checkpoint, name, inner);
            }
            expect(file, checkpoint, BertNames.attentionOutput(layer, "weight"), hidden, inner);
            expect(file, checkpoint, BertNames.attentionOutput(layer, "bias"), hidden);
            expect(file, checkpoint, BertNames.attentionNorm(layer, "weight"), hidden);
            expect(file, checkpoint, BertNames.attentionNorm(layer, "bias"), hidden);
            expect(file, checkpoint, BertNames.intermediate(layer, "weight"), width, hidden);
            expect(file, checkpoint, BertNames.intermediate(layer, "bias"), width);
            expect(file, checkpoint, BertNames.output(layer, "weight"), hidden, width);
            expect(file, checkpoint, BertNames.output(layer, "bias"), hidden);
            expect(file, checkpoint, BertNames.outputNorm(layer, "weight"), hidden);
            expect(file, checkpoint, BertNames.outputNorm(layer, "bias"), hidden);
        }
        String extra = "encoder.layer." + c.layers() + ".";
        checkpoint.tensors().keySet().stream().filter(n -> n.startsWith(extra)).findFirst().ifPresent(n -> {
            throw new CheckpointException(file, "tensor '" + checkpoint.prefixFor(n) + "' belongs to layer " + c.layers()
                    + " but config.json has num_hidden_layers " + c.layers());
        });
    }

    private static void expectIfPresent(Path file, BertCheckpoint checkpoint, String name, int... shape) {
        if (checkpoint.tensors().containsKey(name)) {
            expect(file, checkpoint, name, shape);
        }
    }

    private static void expect(Path file, BertCheckpoint checkpoint, String name, int... shape) {
        Tensor t = checkpoint.tensors().get(name);
        String stored = checkpoint.prefixFor(name);
        if (t == null) {
            throw new CheckpointException(file, "tensor '" + stored + "' is missing; expected shape "
                    + Arrays.toString(shape) + " from config.json");
        }
        if (!t.isFloat()) {
            throw new CheckpointException(file, "tensor '" + stored + "' is " + t.dtype()
                    + "; expected F32, F16 or BF16 weights");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new CheckpointException(file, "tensor '" + stored + "' has shape " + Arrays.toString(t.shape())
                    + "; config.json implies " + Arrays.toString(shape));
        }
    }
}
