package org.zeroprune.nas.model;

import java.nio.file.Path;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.io.ContentHash;

/**
 * A model ready for pruning.
 *
 * @param checkpoint the checkpoint with its tensors
 * @param view the plugins' view of it
 * @param description where it came from, for reports
 * @param tokenizerSource where the user provides its {@code tokenizer.json}, for messages: beside an
 *     {@code .onnx} file rather than in the cache directory the import copied it to
 */
public record LoadedModel(BertCheckpoint checkpoint, BertModelView view, String description, Path tokenizerSource) {

    /**
     * The tokens per sequence that costs are counted at: {@code requested} (budget.sequence-length),
     * or the model's position embeddings when it takes fewer, since no input can be longer.
     */
    public int costSequenceLength(int requested) {
        return Math.min(requested, checkpoint.config().maxPositions());
    }

    /** Why {@link #costSequenceLength} differs from {@code requested}, if it does. */
    public Optional<String> sequenceLengthNote(int requested) {
        int max = checkpoint.config().maxPositions();
        return requested <= max ? Optional.empty() : Optional.of("budget.sequence-length " + requested + " exceeds the"
                + " model's " + max + " positions (max_position_embeddings); costs are counted at " + max + " tokens");
    }

    /**
     * A hash of what identifies the weights: the checkpoint's {@code model.safetensors} and
     * {@code config.json}, read whole (an imported {@code .onnx} or the embedded model hashes its imported
     * checkpoint). A ranking records it so that {@code export} can tell when the file at the model's path
     * was replaced by another of the same shapes since the prune.
     */
    public String contentHash() {
        Path dir = checkpoint.directory();
        return new ContentHash().fileIfPresent(dir.resolve(BertCheckpoint.WEIGHTS))
                .fileIfPresent(dir.resolve(BertCheckpoint.CONFIG)).hex();
    }

    /** Reads and wraps a checkpoint whose tokenizer, if any, lives in its own directory. */
    public static LoadedModel of(BertCheckpoint checkpoint, String description) {
        return of(checkpoint, description, checkpoint.directory().resolve(BertCheckpoint.TOKENIZER));
    }

    /** Reads and wraps a checkpoint whose tokenizer the user provides at {@code tokenizerSource}. */
    public static LoadedModel of(BertCheckpoint checkpoint, String description, Path tokenizerSource) {
        return new LoadedModel(checkpoint, new BertModelView(checkpoint), description, tokenizerSource);
    }
}
