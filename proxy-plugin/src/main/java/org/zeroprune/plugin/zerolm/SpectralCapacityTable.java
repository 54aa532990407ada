package org.zeroprune.plugin.zerolm;

import org.zeroprune.plugin.spectral.BoundedCache;
import org.zeroprune.plugin.spectral.MaskedSpectrum;
import org.zeroprune.plugin.spectral.SharedSpectra;
import org.zeroprune.plugin.spectral.SharedSpectra.MatrixPrint;
import org.zeroprune.plugin.spectral.SpectralStatistic;
import org.zeroprune.spi.sums.WeightCuts;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.LayerView;
import org.zeroprune.spi.model.ModelView;
import org.zeroprune.spi.model.ModuleKind;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.WeightView;

/**
 * Capacities from real singular values ({@link MaskedSpectrum}) for any {@link SpectralStatistic}.
 * A module's capacity under a unit set is computed once and cached, keyed by (layer, module kind,
 * kept unit set): every matrix of a module sees the same unit set, so one entry per module holds
 * the sum over its matrices. The cache is bounded (least recently used entries go first). With
 * {@code shareSpectra}, singular values come from {@link SharedSpectra}, so tables of other
 * statistics over the same matrices decompose each one once.
 */
final class SpectralCapacityTable implements CapacityTable {
    private final SpectralStatistic statistic;
    private final WeightView[][] attention;
    private final WeightView[][] ffn;
    private final int[] attentionUnits;
    private final int[] ffnUnits;
    private final BoundedCache<ModuleKey> cache;
    /** Per layer and matrix, the prints for {@link SharedSpectra}; null when spectra are not shared. */
    private final MatrixPrint[][] attentionPrints;
    private final MatrixPrint[][] ffnPrints;

    private record ModuleKey(int layer, ModuleKind kind, UnitSet kept) {
    }

    /**
     * @param cacheSize most module capacities kept; 0 computes every time
     * @param shareSpectra take singular values from, and give them to, {@link SharedSpectra}
     * @throws org.zeroprune.spi.ScoringException if a weight's cut does not match its module
     */
    SpectralCapacityTable(ModelView model, SpectralStatistic statistic, int cacheSize, boolean shareSpectra) {
        this.statistic = statistic;
        int layers = model.layerCount();
        attention = new WeightView[layers][];
        ffn = new WeightView[layers][];
        attentionUnits = new int[layers];
        ffnUnits = new int[layers];
        for (int l = 0; l < layers; l++) {
            LayerView layer = model.layer(l);
            attention[l] = matrices(layer.attention());
            attentionUnits[l] = layer.attention().unitCount();
            ffn[l] = matrices(layer.ffn());
            ffnUnits[l] = layer.ffn().unitCount();
        }
        cache = new BoundedCache<>(cacheSize);
        attentionPrints = shareSpectra ? prints(attention) : null;
        ffnPrints = shareSpectra ? prints(ffn) : null;
    }

    // each matrix read once here, not on every lookup
    private static MatrixPrint[][] prints(WeightView[][] matrices) {
        MatrixPrint[][] prints = new MatrixPrint[matrices.length][];
        for (int l = 0; l < matrices.length; l++) {
            prints[l] = new MatrixPrint[matrices[l].length];
            for (int m = 0; m < matrices[l].length; m++) {
                prints[l][m] = MatrixPrint.of(matrices[l][m]);
            }
        }
        return prints;
    }

    private static WeightView[] matrices(ModuleView module) {
        WeightView[] matrices = module.matrices().toArray(WeightView[]::new);
        for (WeightView m : matrices) {
            WeightCuts.check(m, module.unitCount());
        }
        return matrices;
    }

    @Override
    public int layerCount() {
        return attention.length;
    }

    @Override
    public int units(int layer, ModuleKind kind) {
        return (kind == ModuleKind.ATTENTION ? attentionUnits : ffnUnits)[layer];
    }

    @Override
    public double module(int layer, ModuleKind kind, UnitSet kept) {
        return cache.get(new ModuleKey(layer, kind, kept), this::compute);
    }

    private double compute(ModuleKey key) {
        boolean attentionModule = key.kind() == ModuleKind.ATTENTION;
        WeightView[] matrices = (attentionModule ? attention : ffn)[key.layer()];
        MatrixPrint[][] prints = attentionModule ? attentionPrints : ffnPrints;
        double c = 0.0;
        for (int m = 0; m < matrices.length; m++) {
            if (prints != null) {
                double[] sigma = SharedSpectra.singularValues(prints[key.layer()][m], matrices[m], key.kept());
                c += statistic.of(sigma, sigma.length);
            } else {
                c += MaskedSpectrum.statistic(matrices[m], key.kept(), statistic);
            }
        }
        return c;
    }
}
