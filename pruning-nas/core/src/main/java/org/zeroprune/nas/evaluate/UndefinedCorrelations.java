package org.zeroprune.nas.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says why a rank correlation of {@code evaluate} is undefined, rather than letting it print as NaN
 * unexplained: Kendall's τ and Spearman's ρ need both variables to vary, so a fidelity that is the
 * same for every held-out candidate (a model whose output does not depend on its units, such as a
 * constant encoder) leaves every strategy without a figure, and a strategy that gives every candidate
 * the same score leaves its own row without one.
 */
final class UndefinedCorrelations {
    private UndefinedCorrelations() {
    }

    /** The warnings for {@code results}, computed over the {@code heldOut} candidates; empty when every figure is defined. */
    static List<String> of(double[] fidelity, List<Integer> heldOut, List<StrategyEvaluation> results) {
        List<String> warnings = new ArrayList<>();
        if (constant(fidelity, heldOut)) {
            warnings.add(String.format(Locale.ROOT, "every held-out candidate has the same fidelity (%.6f), so no rank"
                    + " correlation is defined: the model's output does not depend on which units are kept (a constant"
                    + " encoder?); tau-b and rho are reported as null", fidelity[heldOut.get(0)]));
            return warnings;
        }
        for (StrategyEvaluation s : results) {
            if (constant(s.scores(), heldOut)) {
                warnings.add("strategy '" + s.spec().label() + "' gives every held-out candidate the same score ("
                        + s.scores()[heldOut.get(0)] + "), so its tau-b and rho are undefined (reported as null)");
            }
        }
        return warnings;
    }

    private static boolean constant(double[] values, List<Integer> indices) {
        for (int i : indices) {
            if (Double.compare(values[i], values[indices.get(0)]) != 0) {
                return false;
            }
        }
        return true;
    }
}
