package org.zeroprune.plugin.spectral;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightView;

/**
 * Singular values of masked matrices ({@link MaskedSpectrum#singularValues}), remembered across
 * every strategy in this JVM, keyed by the matrix's shape, cuts and a 128-bit fingerprint of its
 * values, and by the kept unit set. Several spectral statistics of the same model then decompose
 * each matrix once instead of once per statistic; the FlexiBERT benchmark scores five on every
 * architecture and rebuilds its labelled architectures, identical, for each strategy, which is why
 * the key is the content and not the object.
 *
 * <p>A {@link MatrixPrint} reads the matrix once, far less work than one decomposition; callers
 * that look up many kept sets of one matrix take its print once. No weights are held. The memo holds at most {@value #CAPACITY} singular values in all
 * (64 MiB), the least recently used entries going first: enough for the five statistics to pass
 * over the benchmark's 50 labelled architectures in turn without evicting what the next one needs.
 * Thread-safe; a value is computed outside the lock (two threads may both compute it once, which is
 * harmless).
 */
public final class SharedSpectra {
    static final long CAPACITY = 8L << 20;
    private static final SharedSpectra SHARED = new SharedSpectra(CAPACITY);

    private final long capacity;
    /** In access order, eldest first. */
    private final LinkedHashMap<Key, double[]> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long held;

    /** A memo of its own, for tests; strategies use the JVM's ({@link #singularValues}). */
    SharedSpectra(long capacity) {
        this.capacity = capacity;
    }

    /**
     * What identifies a matrix's content: shape, cuts and two independent 64-bit hashes of its
     * values' bit patterns, in order.
     */
    public record MatrixPrint(int rows, int cols, UnitCut rowCut, UnitCut colCut, long hashA, long hashB) {
        /** Reads every value of {@code weight} once. */
        public static MatrixPrint of(WeightView weight) {
            FloatBuffer data = weight.data();
            int n = weight.rows() * weight.cols();
            long a = 0x243F6A8885A308D3L;
            long b = 0x13198A2E03707344L;
            for (int i = 0; i < n; i++) {
                long bits = Float.floatToRawIntBits(data.get(i)) & 0xFFFFFFFFL;
                a = (a ^ bits) * 0x100000001B3L;
                b = Long.rotateLeft(b + bits * 0xC2B2AE3D27D4EB4FL, 31) * 0x9E3779B97F4A7C15L;
            }
            return new MatrixPrint(weight.rows(), weight.cols(), weight.rowCut(), weight.colCut(), mix(a), mix(b));
        }
    }

    private record Key(MatrixPrint matrix, UnitSet kept) {
    }

    /**
     * The singular values of {@code weight} (whose print is {@code print}) restricted to {@code
     * kept}, from the JVM's memo, shared: callers must not change the array.
     */
    public static double[] singularValues(MatrixPrint print, WeightView weight, UnitSet kept) {
        return SHARED.get(print, weight, kept);
    }

    /** The same, from this memo. */
    double[] get(MatrixPrint print, WeightView weight, UnitSet kept) {
        Key key = new Key(print, kept);
        synchronized (this) {
            double[] known = entries.get(key);
            if (known != null) {
                return known;
            }
        }
        double[] values = MaskedSpectrum.singularValues(weight, kept);
        synchronized (this) {
            double[] replaced = entries.put(key, values);
            held += values.length - (replaced == null ? 0 : replaced.length);
            for (var eldest = entries.entrySet().iterator(); held > capacity && eldest.hasNext();) {
                held -= eldest.next().getValue().length;
                eldest.remove();
            }
        }
        return values;
    }

    /** Singular values held now, over all entries. */
    synchronized long held() {
        return held;
    }

    // a final avalanche, so that nearby inputs spread over the whole word
    private static long mix(long h) {
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
