package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Typed fields of a {@code config.json}; a wrong one is a {@link CheckpointException} naming the file and the key. */
final class ConfigFields {
    private ConfigFields() {
    }

    /** The positive integer under {@code key}. */
    static int positiveInt(Path file, JsonNode raw, String key) {
        JsonNode v = raw.get(key);
        if (v == null || v.isNull()) {
            throw new CheckpointException(file, "key '" + key + "' is missing; expected a positive integer");
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() <= 0) {
            throw new CheckpointException(file, "key '" + key + "' is " + v + "; expected a positive integer");
        }
        return v.asInt();
    }

    /** The positive, finite number under {@code key}, which must be present. */
    static double positiveNumber(Path file, JsonNode raw, String key) {
        JsonNode v = raw.get(key);
        if (!v.isNumber() || !(v.asDouble() > 0) || !Double.isFinite(v.asDouble())) {
            throw new CheckpointException(file, "key '" + key + "' is " + v + "; expected a positive number");
        }
        return v.asDouble();
    }

    /** The string under {@code key}, which must be present. */
    static String text(Path file, JsonNode raw, String key) {
        JsonNode v = raw.get(key);
        if (!v.isTextual()) {
            throw new CheckpointException(file, "key '" + key + "' is " + v + "; expected a string");
        }
        return v.asText();
    }
}
