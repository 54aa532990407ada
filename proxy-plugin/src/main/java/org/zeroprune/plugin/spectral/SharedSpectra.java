package org.zeroprune.plugin.spectral;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zeroprune.spi.mask.UnitSet;
import org.zeroprune.spi.model.WeightView;

/**
 * Singular values of masked matrices ({@link MaskedSpectrum#singularValues}), remembered across
 * every strategy in this JVM, keyed by the matrix's identity and the kept unit set. Several spectral
 * statistics of the same model (the FlexiBERT benchmark scores five on every architecture, and
 * {@code evaluate} may compare them) then decompose each matrix once instead of once per statistic.
 *
 * <p>Matrices are held weakly, so the memo never keeps a model's weights alive; entries of
 * collected matrices are dropped, and at most {@value #CAPACITY} entries are kept, the least
 * recently used going first. A memo keyed by identity is exact because a {@link WeightView}'s
 * values never change. Thread-safe; a value is computed outside the lock (two threads may both
 * compute it once, which is harmless).
 */
public final class SharedSpectra {
    static final int CAPACITY = 4096;

    private static final ReferenceQueue<WeightView> COLLECTED = new ReferenceQueue<>();
    private static final Map<Key, double[]> ENTRIES = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, double[]> eldest) {
            return size() > CAPACITY;
        }
    };

    private SharedSpectra() {
    }

    /**
     * The singular values of {@code weight} restricted to {@code kept}, shared: callers must not
     * change the array.
     */
    public static double[] singularValues(WeightView weight, UnitSet kept) {
        Key probe = new Key(weight, kept, null);
        synchronized (ENTRIES) {
            dropCollected();
            double[] known = ENTRIES.get(probe);
            if (known != null) {
                return known;
            }
        }
        double[] values = MaskedSpectrum.singularValues(weight, kept);
        synchronized (ENTRIES) {
            ENTRIES.put(new Key(weight, kept, COLLECTED), values);
        }
        return values;
    }

    /** Entries held now. */
    static int size() {
        synchronized (ENTRIES) {
            dropCollected();
            return ENTRIES.size();
        }
    }

    // called under the lock
    private static void dropCollected() {
        for (Object ref; (ref = COLLECTED.poll()) != null;) {
            ENTRIES.remove(((MatrixRef) ref).key);
        }
    }

    /** A weak reference that knows the key it belongs to, for removal once the matrix is collected. */
    private static final class MatrixRef extends WeakReference<WeightView> {
        private Key key;

        MatrixRef(WeightView matrix, ReferenceQueue<WeightView> queue) {
            super(matrix, queue);
        }
    }

    /** Equal when both matrices are alive and identical and the kept sets are equal, or when it is the same key. */
    private static final class Key {
        private final MatrixRef matrix;
        private final int hash;
        private final UnitSet kept;

        Key(WeightView matrix, UnitSet kept, ReferenceQueue<WeightView> queue) {
            this.matrix = new MatrixRef(matrix, queue);
            this.matrix.key = this;
            this.kept = kept;
            this.hash = 31 * System.identityHashCode(matrix) + kept.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key other) || hash != other.hash) {
                return false;
            }
            WeightView mine = matrix.get();
            return mine != null && mine == other.matrix.get() && kept.equals(other.kept);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
