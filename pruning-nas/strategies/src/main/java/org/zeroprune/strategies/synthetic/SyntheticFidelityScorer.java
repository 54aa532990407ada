package org.zeroprune.strategies.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.context.MaskFisher;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Scores the fidelity of a candidate on the generated sequences ({@link DenseReference}).
 *
 * <p>{@link #unitImportance()} is computed on first use: the Fisher information of the head and
 * neuron mask variables ({@link MaskedForward#maskFisher}) on the same generated sequences, with
 * {@value #FISHER_PROBES} probes per sequence, i.e. the data-driven {@code fisher} strategy's
 * importance with generated instead of calibration text. It is empty when the forward pass offers
 * no gradients. Thread-safe.
 */
final class SyntheticFidelityScorer implements CandidateScorer {
    /** Sampled targets per sequence for the Fisher estimate. */
    static final int FISHER_PROBES = 2;

    private final DenseReference reference;
    private final MaskedForward forward;
    private final long seed;
    private final Map<String, Object> details;
    private Optional<UnitImportance> importance;

    SyntheticFidelityScorer(DenseReference reference, MaskedForward forward, long seed, Map<String, Object> details) {
        this.reference = reference;
        this.forward = forward;
        this.seed = seed;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    @Override
    public double score(PruningMask mask) {
        return reference.fidelity(mask);
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }

    @Override
    public synchronized Optional<UnitImportance> unitImportance() {
        if (importance == null) {
            importance = fisher();
        }
        return importance;
    }

    private Optional<UnitImportance> fisher() {
        try {
            MaskFisher f = forward.maskFisher(reference.sequences(), FISHER_PROBES, seed);
            return Optional.of(new UnitImportance(f.heads(), f.neurons()));
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
