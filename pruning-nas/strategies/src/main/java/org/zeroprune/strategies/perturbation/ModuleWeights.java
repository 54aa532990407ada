package org.zeroprune.strategies.perturbation;

import java.util.Optional;
import java.util.Set;
import org.zeroprune.spi.ScoringException;
import org.zeroprune.spi.model.ModuleView;
import org.zeroprune.spi.model.UnitCut;
import org.zeroprune.spi.model.WeightRole;
import org.zeroprune.spi.model.WeightView;

/** Finds the weights of a BERT module by role, with messages that say what is missing. */
final class ModuleWeights {
    private final ModuleView module;
    private final String where;

    /** @param where names the module in messages, for example {@code layer 3 attention} */
    ModuleWeights(ModuleView module, String where) {
        this.module = module;
        this.where = where;
    }

    /**
     * Fails if the module has a matrix whose role is not in {@code modelled}: the formulas would
     * silently ignore it.
     *
     * @throws ScoringException naming the matrix
     */
    void requireOnly(Set<WeightRole> modelled) {
        for (WeightView m : module.matrices()) {
            if (!modelled.contains(m.role())) {
                throw unsupported("has a " + m.role() + " matrix '" + m.name() + "' that the energy model does not cover");
            }
        }
    }

    /**
     * The matrix with {@code role}, checked to be {@code rows × cols} and cut as given.
     *
     * @throws ScoringException if there is no such matrix or it does not have that shape or cut
     */
    float[] matrix(WeightRole role, int rows, int cols, UnitCut rowCut, UnitCut colCut) {
        WeightView w = module.matrices().stream().filter(m -> m.role() == role).findFirst()
                .orElseThrow(() -> unsupported("has no " + role + " matrix"));
        if (w.rows() != rows || w.cols() != cols || !w.rowCut().equals(rowCut) || !w.colCut().equals(colCut)) {
            throw unsupported("has a " + role + " matrix '" + w.name() + "' of " + w.rows() + " × " + w.cols() + " cut "
                    + w.rowCut().unitSize() + "/" + w.colCut().unitSize() + ", expected " + rows + " × " + cols + " cut "
                    + rowCut.unitSize() + "/" + colCut.unitSize());
        }
        return values(w);
    }

    /** The bias with {@code role}, or zeros if the module has none. */
    float[] biasOrZero(WeightRole role, int length) {
        Optional<WeightView> bias = module.weights().stream().filter(w -> w.role() == role && w.isBias()).findFirst();
        if (bias.isEmpty()) {
            return new float[length];
        }
        WeightView w = bias.get();
        if (w.rows() * w.cols() != length) {
            throw unsupported("has a " + role + " bias '" + w.name() + "' of " + w.rows() * w.cols() + " values, expected "
                    + length);
        }
        return values(w);
    }

    private static float[] values(WeightView w) {
        float[] out = new float[w.rows() * w.cols()];
        w.data().get(out);
        return out;
    }

    private ScoringException unsupported(String what) {
        return new ScoringException("perturbation: " + where + " (" + module.operation() + ") " + what
                + "; this strategy supports BERT self-attention and single-stage feed-forward modules");
    }
}
