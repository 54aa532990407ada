package org.zeroprune.spi.context;

import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * A candidate drawn from a search space: a model and the mask applied to it. For pruning, the
 * model is the one being prepared and masks differ; for architecture benchmarks, every candidate
 * is its own model with a full mask. The model may be built on demand: call {@link #model()}
 * once per use and do not keep it longer than needed.
 */
public interface SampledCandidate {

    /** {@return the candidate's model} */
    ModelView model();

    /** {@return the candidate's mask over {@link #model()}} */
    PruningMask mask();

    /** {@return parameters of the candidate's encoder layers, as the framework counts them} */
    long parameterCount();
}
