package org.zeroprune.nas.checkpoint;

import java.nio.file.Path;
import org.zeroprune.nas.ZeroPruneException;

/** A checkpoint file is missing, corrupt, or disagrees with its configuration. */
public class CheckpointException extends ZeroPruneException {
    private static final long serialVersionUID = 1L;

    /** @param message names the file, the tensor or key, what was found and what was expected */
    public CheckpointException(String message) {
        super(message);
    }

    /** @param message the whole message, as above; {@code cause} is shown with {@code --verbose} */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A message prefixed with the file it is about. */
    public CheckpointException(Path file, String message) {
        super(file + ": " + message);
    }

    /** A message prefixed with the file it is about, with its cause. */
    public CheckpointException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
    }
}
