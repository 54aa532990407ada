package org.zeroprune.nas.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.zeroprune.nas.ZeroPruneException;

/**
 * A directory that one command writes as a whole (prune's {@code out/}, an exported model, an
 * evaluation, an imported checkpoint). Claimed before the work starts: the target is checked, a lock
 * is taken for the whole run and stale temporary copies of earlier, interrupted runs are removed. At
 * the end the new directory, built under a temporary name with a {@link OutputManifest}, is moved
 * into place under the lock, after checking the target again.
 *
 * <p>What may be replaced, and only with {@code overwrite}: a directory that holds zeroprune's
 * manifest and nothing the manifest does not list, or an empty directory. Never a file, a device, a
 * symbolic link or a directory of someone else's files. If the target changed during the run so that
 * it may no longer be replaced, the run's output is kept beside it under a visible name, and the
 * error says where.
 */
public final class OutputDirectory implements AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path target;
    private final boolean overwrite;
    private final String command;
    private final OutputLock lock;
    private final Path temp;
    private final Thread cleanup;

    private OutputDirectory(Path target, boolean overwrite, String command, OutputLock lock) {
        this.target = target;
        this.overwrite = overwrite;
        this.command = command;
        this.lock = lock;
        // created now: proves the folder writable before the work, and is deleted if the JVM is stopped
        this.temp = TemporarySiblings.create(target);
        this.cleanup = TemporarySiblings.deleteOnExit(temp);
    }

    /**
     * Claims {@code directory} for one run of {@code command}; close it when the run ends.
     *
     * @throws ZeroPruneException when the target may not be replaced, its folder is not writable, or
     *     another run is writing it
     */
    public static OutputDirectory claim(Path directory, boolean overwrite, String command) {
        Path given = directory.toAbsolutePath().normalize();
        if (given.getParent() == null) {
            throw new ZeroPruneException("cannot write the output to " + directory + ": choose a directory below it");
        }
        Path target = createParent(directory, given.getParent()).resolve(given.getFileName());
        refuseWorkingDirectory(directory, target);
        OutputLock lock = OutputLock.acquire(target);
        try {
            ReplaceCheck.require(target, overwrite, "");
            TemporarySiblings.deleteStale(target);
            return new OutputDirectory(target, overwrite, command, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Replacing the folder a shell sits in (or one above it) would leave that shell in a deleted folder. */
    private static void refuseWorkingDirectory(Path directory, Path target) {
        Path here;
        try {
            here = Path.of("").toAbsolutePath().toRealPath();
        } catch (IOException e) {
            return;
        }
        if (here.startsWith(target)) {
            throw new ZeroPruneException("--out " + directory + " is the current directory or contains it; zeroprune"
                    + " replaces its output directory as a whole: choose a directory below it, e.g. --out out");
        }
    }

    /** Creates the output's folder if needed; returns it with links resolved, so that one folder has one lock. */
    private static Path createParent(Path directory, Path parent) {
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new ZeroPruneException("cannot write " + directory + ": " + parent + " is not a directory");
        }
        try {
            return Files.createDirectories(parent).toRealPath();
        } catch (IOException e) {
            throw new ZeroPruneException("cannot write " + directory + ": cannot create " + parent + " ("
                    + AtomicFiles.reason(e) + ")");
        }
    }

    /** The claimed directory, absolute. */
    public Path path() {
        return target;
    }

    /**
     * Builds the directory's content through {@code contents} under a temporary name, adds the
     * manifest, then moves it into place.
     */
    public void write(AtomicFiles.Writer contents) {
        try {
            contents.write(temp);
            OutputManifest.write(temp, command);
            publish();
        } catch (IOException e) {
            throw new ZeroPruneException("cannot write directory " + target + ": " + AtomicFiles.reason(e), e);
        } finally {
            AtomicFiles.deleteRecursively(temp);
        }
    }

    private void publish() throws IOException {
        try {
            ReplaceCheck.require(target, overwrite, " (it changed during this run)");
        } catch (ZeroPruneException e) {
            Path kept = keep();
            throw new ZeroPruneException(e.getMessage() + "; this run's output is kept in " + kept, e);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path old = TemporarySiblings.name(target, "old");
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // the previous output stays
                throw e;
            }
            AtomicFiles.deleteRecursively(old);
        } else {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Path keep() throws IOException {
        Path kept = target.resolveSibling(target.getFileName() + ".zeroprune-" + LocalDateTime.now().format(STAMP));
        for (int i = 2; Files.exists(kept, LinkOption.NOFOLLOW_LINKS); i++) {
            kept = target.resolveSibling(target.getFileName() + ".zeroprune-" + LocalDateTime.now().format(STAMP) + "-" + i);
        }
        Files.move(temp, kept, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }

    /** Deletes what the run did not publish, and releases the lock. */
    @Override
    public void close() {
        AtomicFiles.deleteRecursively(temp);
        TemporarySiblings.keepOnExit(cleanup);
        lock.close();
    }
}
