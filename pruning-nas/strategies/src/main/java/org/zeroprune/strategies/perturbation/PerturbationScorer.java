package org.zeroprune.strategies.perturbation;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zeroprune.spi.CandidateScorer;
import org.zeroprune.spi.UnitImportance;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Scores {@code −Σ ê_u} over removed units ({@link RemovedEnergy}); the dense model scores 0 and
 * removing a unit never raises the score. {@link #details()} reports the options, the depth weights
 * of the modules in encoder order, what removing every head or every neuron would cost, and how
 * many module inputs had no LayerNorm and were taken as standard normal. Immutable, hence
 * thread-safe.
 */
final class PerturbationScorer implements CandidateScorer {
    private final RemovedEnergy energy;
    private final Map<String, Object> details;

    PerturbationScorer(RemovedEnergy energy, double rho, boolean dilution, int assumedStandard) {
        this.energy = energy;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("attended-variance", rho);
        d.put("dilution", dilution);
        d.put("depth-weights", Arrays.stream(energy.depthWeights()).mapToObj(w -> String.format(Locale.ROOT, "%.3g", w))
                .collect(Collectors.joining(" ")));
        d.put("removed-energy-all-heads", energy.totalHeads());
        d.put("removed-energy-all-neurons", energy.totalNeurons());
        d.put("inputs-assumed-standard-normal", assumedStandard);
        this.details = Collections.unmodifiableMap(d);
    }

    @Override
    public double score(PruningMask mask) {
        return 0.0 - energy.removed(mask); // +0.0, not -0.0, for the dense model
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }

    @Override
    public Optional<UnitImportance> unitImportance() {
        return Optional.of(energy.importance());
    }
}
