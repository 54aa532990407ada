package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The warning names distillation on generated tokens and only that. */
class GeneratedDistillWarningTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void warnsOnlyForDistillationOnGeneratedTokens() {
        assertTrue(GeneratedDistillWarning.of(Optional.of(report("distill", "generated: zipf over the vocabulary order")))
                .orElseThrow().contains("--corpus FILE"));
        assertTrue(GeneratedDistillWarning.of(Optional.of(report("distill", "calibration part of corpus my.txt"))).isEmpty());
        assertTrue(GeneratedDistillWarning.of(Optional.of(report("tune", "generated: zipf"))).isEmpty());
        assertTrue(GeneratedDistillWarning.of(Optional.empty()).isEmpty());
    }

    private static ObjectNode report(String level, String source) {
        ObjectNode r = JSON.createObjectNode();
        r.put("level", level);
        r.putObject("calibration").put("source", source);
        return r;
    }
}
