package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.checkpoint.Tensor;

/**
 * A whole BERT encoder's weights as float32 arrays: the embeddings (word, position, token type 0,
 * LayerNorm) and every layer. The arrays belong to the manager they were loaded into.
 */
record EncoderWeights(
        BertConfig config,
        Activation activation,
        NDArray wordEmbeddings,
        NDArray positionEmbeddings,
        NDArray tokenTypeZero,
        NDArray embeddingNormWeight,
        NDArray embeddingNormBias,
        List<LayerWeights> layers) {

    /** Copies the checkpoint's encoder into arrays of {@code manager}. */
    static EncoderWeights load(BertCheckpoint checkpoint, NDManager manager) {
        BertConfig config = checkpoint.config();
        List<LayerWeights> layers = new ArrayList<>();
        for (int i = 0; i < config.layers(); i++) {
            layers.add(LayerWeights.load(checkpoint, i, manager));
        }
        // copied from the checkpoint, not viewed: DJL arrays created from Java data borrow their
        // buffer, so a view outliving its parent array would read freed memory
        Tensor tokenTypes = checkpoint.tensor(BertNames.TOKEN_TYPE_EMBEDDINGS);
        float[] zero = new float[tokenTypes.dim(1)];
        tokenTypes.floats().get(zero);
        NDArray typeZero = manager.create(zero);
        return new EncoderWeights(config, Activation.forName(config.hiddenAct()),
                array(checkpoint, BertNames.WORD_EMBEDDINGS, manager),
                array(checkpoint, BertNames.POSITION_EMBEDDINGS, manager),
                typeZero,
                array(checkpoint, BertNames.EMBEDDINGS_NORM_WEIGHT, manager),
                array(checkpoint, BertNames.EMBEDDINGS_NORM_BIAS, manager),
                List.copyOf(layers));
    }

    /** LayerNorm epsilon of every norm in the model. */
    float eps() {
        return (float) config.layerNormEps();
    }

    private static NDArray array(BertCheckpoint checkpoint, String name, NDManager manager) {
        return TensorArrays.load(checkpoint, name, manager);
    }
}
