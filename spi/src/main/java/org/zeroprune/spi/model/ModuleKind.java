package org.zeroprune.spi.model;

/** The two sub-modules of an encoder layer, which ZeroLM-style strategies score separately. */
public enum ModuleKind {
    /** Token mixing: self-attention, or another mixing operation; units are heads. */
    ATTENTION,
    /** Feed-forward network; units are intermediate neurons. */
    FFN
}
