package org.zeroprune.nas.prune;

import org.zeroprune.spi.context.LabelledSample;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.model.ModelView;

/**
 * A candidate of one model offered to strategies: drawn by a sampler (quality unknown, NaN) or
 * measured (quality = its fidelity).
 *
 * @param model the model the mask applies to
 * @param mask the candidate
 * @param parameterCount parameters of its encoder layers
 * @param quality its measured quality, or NaN when not measured
 */
public record MaskCandidate(ModelView model, PruningMask mask, long parameterCount, double quality)
        implements LabelledSample {
}
