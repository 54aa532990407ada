package org.zeroprune.nas.forward;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Sequences of a batch padded on the right to the longest: token ids {@code [B, T]} (int64, padding
 * id 0), attention mask {@code [B, T]} (float, 1 for tokens, 0 for padding), and the indices of the
 * sequences in the caller's input.
 *
 * @param rows index in the caller's input of each batch row
 * @param lengths unpadded length of each row
 * @param ids token ids
 * @param attentionMask 1 for real tokens, 0 for padding
 */
public record PaddedBatch(int[] rows, int[] lengths, NDArray ids, NDArray attentionMask) {

    /** The sequences {@code tokenIds[rows[i]]}, padded, as arrays of {@code manager}. */
    public static PaddedBatch of(NDManager manager, int[][] tokenIds, int[] rows) {
        int length = 0;
        int[] lengths = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            lengths[i] = tokenIds[rows[i]].length;
            length = Math.max(length, lengths[i]);
        }
        long[] ids = new long[rows.length * length];
        float[] mask = new float[rows.length * length];
        for (int i = 0; i < rows.length; i++) {
            int[] seq = tokenIds[rows[i]];
            for (int t = 0; t < seq.length; t++) {
                ids[i * length + t] = seq[t];
                mask[i * length + t] = 1;
            }
        }
        Shape shape = new Shape(rows.length, length);
        return new PaddedBatch(rows, lengths, manager.create(ids, shape), manager.create(mask, shape));
    }

    /** Number of rows. */
    public int size() {
        return rows.length;
    }

    /** Padded length. */
    public int length() {
        return (int) ids.getShape().get(1);
    }
}
