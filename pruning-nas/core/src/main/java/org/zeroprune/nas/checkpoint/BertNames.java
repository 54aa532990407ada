package org.zeroprune.nas.checkpoint;

/** Canonical HuggingFace names of BERT tensors, without the {@code bert.} prefix. */
public final class BertNames {
    /** The prefix some checkpoints (task heads, pre-training heads) put before the encoder's names. */
    public static final String BERT_PREFIX = "bert.";

    public static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    public static final String POSITION_EMBEDDINGS = "embeddings.position_embeddings.weight";
    public static final String TOKEN_TYPE_EMBEDDINGS = "embeddings.token_type_embeddings.weight";
    public static final String EMBEDDINGS_NORM_WEIGHT = "embeddings.LayerNorm.weight";
    public static final String EMBEDDINGS_NORM_BIAS = "embeddings.LayerNorm.bias";

    private BertNames() {
    }

    /** {@code encoder.layer.<layer>.} */
    public static String layer(int layer) {
        return "encoder.layer." + layer + ".";
    }

    public static String query(int layer, String kind) {
        return layer(layer) + "attention.self.query." + kind;
    }

    public static String key(int layer, String kind) {
        return layer(layer) + "attention.self.key." + kind;
    }

    public static String value(int layer, String kind) {
        return layer(layer) + "attention.self.value." + kind;
    }

    public static String attentionOutput(int layer, String kind) {
        return layer(layer) + "attention.output.dense." + kind;
    }

    public static String attentionNorm(int layer, String kind) {
        return layer(layer) + "attention.output.LayerNorm." + kind;
    }

    public static String intermediate(int layer, String kind) {
        return layer(layer) + "intermediate.dense." + kind;
    }

    public static String output(int layer, String kind) {
        return layer(layer) + "output.dense." + kind;
    }

    public static String outputNorm(int layer, String kind) {
        return layer(layer) + "output.LayerNorm." + kind;
    }

    /** Whether {@code name} belongs to an encoder layer (the part that pruning changes). */
    public static boolean isLayerTensor(String name) {
        return name.startsWith("encoder.layer.");
    }
}
