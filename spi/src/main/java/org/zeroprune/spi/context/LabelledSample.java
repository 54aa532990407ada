package org.zeroprune.spi.context;

/** A candidate whose quality was measured: a benchmark score or a fidelity to the dense model. */
public interface LabelledSample extends SampledCandidate {

    /** {@return the measured quality; higher is better} */
    double quality();
}
