package org.zeroprune.nas.model;

import java.nio.file.Path;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.CheckpointException;
import org.zeroprune.nas.io.CacheRoot;

/**
 * Reads a checkpoint that may lie in zeroprune's cache. A damaged cache entry (a truncated file
 * after a full disk, say) would otherwise fail every run naming a file the user never made, with
 * no way out; the message then says that deleting the entry rebuilds it.
 */
final class CachedCheckpoint {
    private CachedCheckpoint() {
    }

    /** {@link BertCheckpoint#read}, with a hint to delete {@code directory} when it lies in the cache. */
    static BertCheckpoint read(Path directory) {
        try {
            return BertCheckpoint.read(directory);
        } catch (CheckpointException e) {
            Path cache = CacheRoot.path().toAbsolutePath().normalize();
            Path entry = directory.toAbsolutePath().normalize();
            if (!entry.startsWith(cache) || entry.equals(cache)) {
                throw e;
            }
            throw new CheckpointException(e.getMessage() + "; this is zeroprune's cache: delete " + entry
                    + " to rebuild it", e);
        }
    }
}
