package org.zeroprune.nas.benchmark.flexibert;

/** The token-mixing operations of the FlexiBERT design space. */
public enum OperationType {
    /** Self-attention; parameter {@code SDP} (scaled dot product) or {@code WMA} (weighted multiplicative). */
    SA,
    /** Linear transform along the sequence; parameter {@code DFT} or {@code DCT}. */
    LT,
    /** Dynamic span-based convolution; parameter the kernel size (5 or 9). */
    DSC
}
