package org.zeroprune.nas.cost;

import java.util.List;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/**
 * Parameters and MACs per token of one module as a function of how many of its units are kept.
 *
 * <p>Parameters: every weight's kept rows times kept columns (a vector's kept length), exactly the
 * element count of the physically pruned tensors. MACs per token: every matrix's kept rows times
 * kept columns (one multiply-accumulate per weight entry and token), plus the module's
 * <em>sequence-mixing</em> MACs, which no weight matrix accounts for. At sequence length {@code T}
 * with {@code h} kept units, per {@link ModuleView#operation() operation}:
 * <ul>
 *   <li>{@code self-attention} and {@code weighted-attention}: {@code 2·T·d·h} for the scores
 *       {@code Q Kᵀ} and the context {@code A V}, {@code d} the head size (the query's row cut). For
 *       BERT this gives DESIGN.md's {@code 4·H·d·h + 2·T·d·h} for attention and {@code 2·H·n} for
 *       the FFN.
 *   <li>{@code linear-transform} (a DFT or DCT along the sequence, computed by an FFT):
 *       {@code round(H·log₂T)}, since a length-{@code T} transform costs {@code T·log₂T} per
 *       feature and sequence; {@code H} is the length of the module's LayerNorm (the residual
 *       width). The module has no units, so this is a constant.
 *   <li>{@code convolution} (span-based dynamic convolution, as in ConvBERT): {@code k·d·h}, a
 *       kernel of {@code k} taps applied to the {@code d} channels of each kept head. {@code k} and
 *       {@code d} are the unit sizes of the kernel generator, the module's only matrix cut on both
 *       axes ({@code d} on one, {@code k} on the other). The depthwise convolution's {@code k·H}
 *       per token needs no extra term: its {@code H×k} kernel is a matrix, which the rule above
 *       already counts once per entry and token.
 *   <li>any other operation ({@code feed-forward}): none.
 * </ul>
 */
public final class ModuleCost {
    private final long[] params;
    private final long[] macs;

    /**
     * Tabulates the module's costs for 0..unitCount kept units.
     *
     * @param module the module
     * @param sequenceLength tokens per sequence, for the sequence-mixing MACs
     */
    public ModuleCost(ModuleView module, int sequenceLength) {
        int units = module.unitCount();
        params = new long[units + 1];
        macs = new long[units + 1];
        long fixedMixing = fixedSequenceMacs(module, sequenceLength);
        long mixingPerUnit = sequenceMacsPerUnit(module, sequenceLength);
        for (int k = 0; k <= units; k++) {
            long p = 0;
            long m = 0;
            for (WeightView w : module.weights()) {
                long rows = w.rowCut().keptLength(w.rows(), k);
                long cols = w.isMatrix() ? w.colCut().keptLength(w.cols(), k) : 1;
                p += rows * cols;
                if (w.isMatrix()) {
                    m += rows * cols;
                }
            }
            params[k] = p;
            macs[k] = m + fixedMixing + mixingPerUnit * k;
        }
    }

    private static long sequenceMacsPerUnit(ModuleView module, int sequenceLength) {
        return switch (module.operation()) {
            case "self-attention", "weighted-attention" -> 2L * sequenceLength * headSize(module);
            case "convolution" -> convolutionTapsTimesChannels(module);
            default -> 0L;
        };
    }

    private static long fixedSequenceMacs(ModuleView module, int sequenceLength) {
        if (!module.operation().equals("linear-transform") || sequenceLength < 2) {
            return 0L;
        }
        double log2T = Math.log(sequenceLength) / Math.log(2);
        return Math.round(residualWidth(module) * log2T);
    }

    private static int headSize(ModuleView module) {
        return module.weight(WeightRole.QUERY).filter(WeightView::isMatrix).map(w -> w.rowCut().unitSize()).orElse(0);
    }

    /** {@code k·d} from the kernel generator, the matrix cut on both axes; 0 when there is none. */
    private static long convolutionTapsTimesChannels(ModuleView module) {
        List<WeightView> generators = module.matrices().stream()
                .filter(w -> w.rowCut().isCut() && w.colCut().isCut()).toList();
        if (generators.size() != 1) {
            return 0L;
        }
        WeightView generator = generators.get(0);
        return (long) generator.rowCut().unitSize() * generator.colCut().unitSize();
    }

    /** The LayerNorm's length, or else the most rows of any matrix of the module. */
    private static long residualWidth(ModuleView module) {
        return module.weight(WeightRole.NORM_WEIGHT).map(WeightView::rows)
                .orElseGet(() -> module.matrices().stream().mapToInt(WeightView::rows).max().orElse(0));
    }

    /** Number of units the module has. */
    public int units() {
        return params.length - 1;
    }

    /** Parameters with {@code kept} units. */
    public long params(int kept) {
        return params[kept];
    }

    /** MACs per token with {@code kept} units. */
    public long macs(int kept) {
        return macs[kept];
    }
}
