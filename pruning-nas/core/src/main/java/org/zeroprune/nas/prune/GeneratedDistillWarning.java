package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A warning for {@code distill} calibrated on generated tokens: it trains every kept weight towards
 * the dense model on sequences no user writes, and in every measurement it raised fidelity while
 * lowering the STS score against the plain cut (docs/recovery.md). With the user's own sentences it
 * recovers STS instead.
 */
final class GeneratedDistillWarning {
    private GeneratedDistillWarning() {
    }

    /** The warning, if {@code reconstruction} (the summary's report) is a distillation on generated tokens. */
    static Optional<String> of(Optional<ObjectNode> reconstruction) {
        return reconstruction.filter(r -> r.path("level").asText().equals("distill")
                && r.at("/calibration/source").asText().startsWith("generated"))
                .map(r -> "distill calibrated on generated tokens: in every measurement so far this raised fidelity but"
                        + " lowered the STS score against the plain cut; give it your own sentences with --corpus FILE"
                        + " (thousands, one per line), or keep the plain cut with --reconstruct none");
    }
}
