package org.zeroprune.nas.model;

import org.zeroprune.nas.checkpoint.BertCheckpoint;

/**
 * A model ready for pruning.
 *
 * @param checkpoint the checkpoint with its tensors
 * @param view the plugins' view of it
 * @param description where it came from, for reports
 */
public record LoadedModel(BertCheckpoint checkpoint, BertModelView view, String description) {

    /** Reads and wraps a checkpoint. */
    public static LoadedModel of(BertCheckpoint checkpoint, String description) {
        return new LoadedModel(checkpoint, new BertModelView(checkpoint), description);
    }
}
