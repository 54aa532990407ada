package org.zeroprune.nas.benchmark.prune;

import org.zeroprune.nas.api.ZeroPrune;

/**
 * The default recipe of {@code prune} before the screened search (0.1.0 as of 2026-12-06): every
 * candidate of the evolutionary search scored by {@code synthetic-fidelity} on all 32 generated
 * sequences, and the exported model timed in PyTorch as well as in ONNX Runtime. The
 * {@code *-previous} rows run it beside today's defaults, so that one run compares both.
 */
final class PreviousRecipe {
    private PreviousRecipe() {
    }

    /** Sets on {@code builder} what the previous recipe did differently from today's defaults. */
    static ZeroPrune.ConfigBuilder apply(ZeroPrune.ConfigBuilder builder) {
        return builder.set("search.screen", "off").set("output.latency-engines", "all");
    }
}
