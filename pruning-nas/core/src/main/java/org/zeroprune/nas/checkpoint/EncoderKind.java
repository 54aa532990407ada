package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Refuses BERT variants whose tensors look like an encoder's but whose forward pass is not the one
 * zeroprune computes: relative position embeddings, and decoders (causal attention, cross
 * attention). Accepted silently they would be pruned and scored as a different model.
 */
final class EncoderKind {
    private EncoderKind() {
    }

    /** @throws CheckpointException naming the key, its value and what is supported */
    static void check(Path file, JsonNode raw) {
        JsonNode position = raw.get("position_embedding_type");
        if (position != null && !position.isNull() && !position.asText().equals("absolute")) {
            throw new CheckpointException(file, "position_embedding_type is " + position + "; only \"absolute\" position"
                    + " embeddings are supported");
        }
        for (String key : new String[] {"is_decoder", "add_cross_attention"}) {
            JsonNode flag = raw.get(key);
            if (flag != null && !flag.isNull() && !(flag.isBoolean() && !flag.asBoolean())) {
                throw new CheckpointException(file, key + " is " + flag + "; only encoders are supported (" + key
                        + " false or absent)");
            }
        }
    }
}
