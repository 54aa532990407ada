package org.zeroprune.plugin.spectral;

import java.util.Arrays;
import java.util.Random;

/**
 * Not a test: a timing main comparing {@link PreviousSymmetricEigenvalues} (and the previous Gram
 * product) with the current ones on the Gram matrix of a Gaussian {@code n × n} matrix, alternating
 * old and new in one JVM after {@value #WARM_UP} rounds of warm-up, printing medians and ratios.
 * Arguments: sizes (default 512 1024 2048), then {@code runs=N} (default 7).
 *
 * <pre>java -cp proxy-plugin/target/classes:proxy-plugin/target/test-classes
 *     org.zeroprune.plugin.spectral.EigenTiming 512 1024 2048</pre>
 */
public final class EigenTiming {
    private static final int WARM_UP = 5; // rounds per size before timing: the JIT settles within them

    private EigenTiming() {
    }

    public static void main(String[] args) {
        int runs = 7;
        int[] sizes = {512, 1024, 2048};
        int count = 0;
        int[] given = new int[args.length];
        for (String arg : args) {
            if (arg.startsWith("runs=")) {
                runs = Integer.parseInt(arg.substring(5));
            } else {
                given[count++] = Integer.parseInt(arg);
            }
        }
        if (count > 0) {
            sizes = Arrays.copyOf(given, count);
        }
        for (int n : sizes) {
            time(n, runs);
        }
    }

    private static void time(int n, int runs) {
        Random random = new Random(n);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        double[][] bRows = new double[n][];
        for (int i = 0; i < n; i++) {
            bRows[i] = Arrays.copyOfRange(b, i * n, (i + 1) * n);
        }
        double[][] gram = new double[n][n];
        double[][] rows = new double[n][n];
        double[] work = new double[n * n];
        double[] oldValues = new double[n];
        double[] newValues = new double[n];
        PreviousSymmetricEigenvalues previous = new PreviousSymmetricEigenvalues();
        SymmetricEigenvalues current = new SymmetricEigenvalues();
        double[] oldEig = new double[runs];
        double[] newEig = new double[runs];
        double[] oldGram = new double[runs];
        double[] newGram = new double[runs];
        for (int run = -WARM_UP; run < runs; run++) {
            long t0 = System.nanoTime();
            previousGram(b, n, n, work);
            long t1 = System.nanoTime();
            GramProduct.of(bRows, n, n, gram);
            long t2 = System.nanoTime();
            double gramDiff = 0.0;
            for (int i = 0; i < n; i++) {
                gramDiff = Math.max(gramDiff, maxDifference(Arrays.copyOfRange(work, i * n, (i + 1) * n), gram[i]));
                System.arraycopy(gram[i], 0, work, i * n, n);
                System.arraycopy(gram[i], 0, rows[i], 0, n);
            }
            long t3 = System.nanoTime();
            boolean oldOk = previous.compute(work, n, oldValues);
            long t4 = System.nanoTime();
            long t5 = System.nanoTime();
            boolean newOk = current.compute(rows, n, newValues);
            long t6 = System.nanoTime();
            if (!oldOk || !newOk) {
                throw new IllegalStateException("not converged");
            }
            if (run >= 0) {
                oldGram[run] = (t1 - t0) / 1e6;
                newGram[run] = (t2 - t1) / 1e6;
                oldEig[run] = (t4 - t3) / 1e6;
                newEig[run] = (t6 - t5) / 1e6;
            } else if (run == -1) {
                Arrays.sort(oldValues);
                Arrays.sort(newValues);
                System.out.printf("n=%d: max |Δλ| / max|λ| = %.2e, max |ΔG| / max|G| = %.2e%n", n,
                        maxDifference(oldValues, newValues) / maxAbs(oldValues), gramDiff / maxAbs(gram[0]));
            }
        }
        report("eigenvalues", n, oldEig, newEig);
        report("Gram", n, oldGram, newGram);
    }

    private static void report(String what, int n, double[] old, double[] now) {
        double o = median(old);
        double c = median(now);
        System.out.printf("n=%d %-11s old %8.1f ms  new %8.1f ms  old/new %.2f   (old %s, new %s)%n", n, what, o, c,
                o / c, Arrays.toString(rounded(old)), Arrays.toString(rounded(now)));
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    private static long[] rounded(double[] x) {
        return Arrays.stream(x).mapToLong(Math::round).toArray();
    }

    private static double maxDifference(double[] x, double[] y) {
        double m = 0.0;
        for (int i = 0; i < x.length; i++) {
            m = Math.max(m, Math.abs(x[i] - y[i]));
        }
        return m;
    }

    private static double maxAbs(double[] x) {
        double m = 0.0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    // GramProduct before the four-row passes: one scaled row of B per pass
    private static void previousGram(double[] b, int c, int r, double[] gram) {
        Arrays.fill(gram, 0, r * r, 0.0);
        for (int k0 = 0; k0 < c; k0 += GramProduct.BLOCK) {
            int k1 = Math.min(c, k0 + GramProduct.BLOCK);
            for (int i = 0; i < r; i++) {
                int out = i * r;
                for (int k = k0; k < k1; k++) {
                    int row = k * r;
                    double s = b[row + i];
                    if (s == 0.0) {
                        continue;
                    }
                    for (int j = i; j < r; j++) {
                        gram[out + j] += s * b[row + j];
                    }
                }
            }
        }
        for (int i = 1; i < r; i++) {
            for (int j = 0; j < i; j++) {
                gram[i * r + j] = gram[j * r + i];
            }
        }
    }
}
