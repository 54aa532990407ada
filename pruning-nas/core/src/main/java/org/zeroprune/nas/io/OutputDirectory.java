package org.zeroprune.nas.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.zeroprune.nas.Caller;
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
    private final Caller caller;
    private final OutputLock lock;
    private final Path temp;
    private final Thread cleanup;
    private boolean leaveTemp;

    private OutputDirectory(Path target, boolean overwrite, String command, Caller caller, OutputLock lock) {
        this.target = target;
        this.overwrite = overwrite;
        this.command = command;
        this.caller = caller;
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
        return claim(directory, overwrite, command, List.of());
    }

    /**
     * As {@link #claim(Path, boolean, String)}, refusing an output that is or contains one of the run's
     * {@code inputs} (files or folders it reads; texts that name nothing on disk, such as {@code embedded},
     * are skipped): replacing it would delete what the run reads.
     */
    public static OutputDirectory claim(Path directory, boolean overwrite, String command, List<String> inputs) {
        return claim(directory, overwrite, command, inputs, Caller.COMMAND_LINE);
    }

    /**
     * As {@link #claim(Path, boolean, String, List)}, with messages worded for {@code caller} (the command
     * line's {@code --out} and {@code --overwrite}, or the Java API's methods).
     */
    public static OutputDirectory claim(Path directory, boolean overwrite, String command, List<String> inputs,
            Caller caller) {
        Path given = directory.toAbsolutePath().normalize();
        if (given.getParent() == null) {
            throw new ZeroPruneException("cannot write the output to " + directory + ": choose a directory below it");
        }
        Path target = createParent(directory, given.getParent()).resolve(given.getFileName());
        refuseWorkingDirectory(directory, target, caller);
        refuseInputsInside(directory, target, inputs, caller);
        OutputLock lock = OutputLock.acquire(target);
        try {
            ReplaceCheck.require(target, overwrite, "", caller);
            refuseMountPoint(directory, target, caller);
            TemporarySiblings.deleteStale(target);
            return new OutputDirectory(target, overwrite, command, caller, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Replacing the folder a shell sits in (or one above it) would leave that shell in a deleted folder. */
    private static void refuseWorkingDirectory(Path directory, Path target, Caller caller) {
        Path here;
        try {
            here = Path.of("").toAbsolutePath().toRealPath();
        } catch (IOException e) {
            return;
        }
        if (here.startsWith(target)) {
            throw new ZeroPruneException(caller.output(directory) + " is the current directory or contains it; zeroprune"
                    + " replaces its output directory as a whole: choose a directory below it, e.g. " + caller.output("out"));
        }
    }

    /** A mount point cannot be renamed, so zeroprune could never put its output there (an empty volume, say). */
    private static void refuseMountPoint(Path directory, Path target, Caller caller) {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Object device = Files.getAttribute(target, "unix:dev", LinkOption.NOFOLLOW_LINKS);
            Object parentDevice = Files.getAttribute(target.getParent(), "unix:dev");
            if (!device.equals(parentDevice)) {
                throw new ZeroPruneException(caller.output(directory) + " is a mount point, which zeroprune cannot"
                        + " replace (it writes its output beside the target and renames it into place): use a directory"
                        + " inside it, e.g. " + caller.output(directory.resolve("out")));
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix view here: a failed final move still keeps the output (see write)
        }
    }

    private static void refuseInputsInside(Path directory, Path target, List<String> inputs, Caller caller) {
        for (String input : inputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(input).toAbsolutePath().normalize().toRealPath();
            } catch (IOException | java.nio.file.InvalidPathException e) {
                continue; // not a file or folder on disk (a model name such as 'embedded', say)
            }
            if (path.startsWith(target)) {
                throw new ZeroPruneException(caller.output(directory) + " holds this run's input " + input + "; writing"
                        + " the output there would replace what the run reads: choose another " + caller.output());
            }
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
        } catch (IOException e) {
            throw new ZeroPruneException("cannot write directory " + target + ": " + AtomicFiles.reason(e), e);
        }
        try {
            publish();
        } catch (IOException e) {
            throw new ZeroPruneException("cannot move the output into " + target + " (" + AtomicFiles.reason(e) + ")"
                    + kept(), e);
        }
    }

    /** Keeps the built output under a visible name after a failed final step, and says where. */
    private String kept() {
        try {
            return "; this run's output is kept in " + keep() + " (its summary names paths in " + target
                    + ": move it there once that is free)";
        } catch (IOException e) {
            leaveTemp = true;
            return "; this run's output is left in " + temp + " until the next run to " + target;
        }
    }

    private void publish() throws IOException {
        try {
            ReplaceCheck.require(target, overwrite, " (it changed during this run)", caller);
        } catch (ZeroPruneException e) {
            throw new ZeroPruneException(e.getMessage() + kept(), e);
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
        if (!leaveTemp) {
            AtomicFiles.deleteRecursively(temp);
        }
        TemporarySiblings.keepOnExit(cleanup);
        lock.close();
    }
}
