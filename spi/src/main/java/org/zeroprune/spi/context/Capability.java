package org.zeroprune.spi.context;

/** Something a strategy may need from its {@link ScoringContext}. */
public enum Capability {
    /** A {@link MaskedForward} pass over the model; data-free strategies may feed it tokens they make. */
    FORWARD_PASS,
    /** Calibration sentences ({@link ScoringContext#calibration()}); makes a strategy data-driven. */
    CALIBRATION_TEXT,
    /** Labelled samples ({@link ScoringContext#labelledSamples()}), for example to fit a hyper-parameter. */
    LABELLED_SAMPLES,
    /** A {@link CandidateSampler} over the search space. */
    CANDIDATE_SAMPLER
}
