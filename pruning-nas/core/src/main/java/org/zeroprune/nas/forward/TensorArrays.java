package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.Tensor;

/** Copies checkpoint tensors into float32 NDArrays. */
final class TensorArrays {
    private TensorArrays() {
    }

    /** The tensor {@code name} of {@code checkpoint} as a new array of {@code manager}. */
    static NDArray load(BertCheckpoint checkpoint, String name, NDManager manager) {
        Tensor t = checkpoint.tensor(name);
        long[] shape = new long[t.rank()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.dim(i);
        }
        return manager.create(t.toFloatArray(), new Shape(shape));
    }
}
