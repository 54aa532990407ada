package org.zeroprune.nas.search;

/** The three budget kinds. */
public enum BudgetKind {
    /** MACs per token of the encoder layers. */
    FLOPS,
    /** Parameters of the encoder layers. */
    PARAMS,
    /** Measured forward latency of the encoder layers on this machine. */
    LATENCY;

    /** The configuration key. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
