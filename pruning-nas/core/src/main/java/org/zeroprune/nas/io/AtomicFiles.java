package org.zeroprune.nas.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.zeroprune.nas.ZeroPruneException;

/**
 * Writes files and directories under a temporary name next to the target and moves them into place
 * only when complete, so that an interrupted run leaves the old result or the new one, never half.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes one file's content. */
    @FunctionalInterface
    public interface Writer {
        /** Writes the complete content to {@code target}, which does not exist yet. */
        void write(Path target) throws IOException;
    }

    /** Writes {@code file} through {@code writer} into a temporary sibling, then renames it over {@code file}. */
    public static void write(Path file, Writer writer) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            writer.write(temp);
            move(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ZeroPruneException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path file, String content) {
        write(file, target -> Files.writeString(target, content, StandardCharsets.UTF_8));
    }

    /**
     * Builds a directory under a temporary name through {@code writer}, then puts it in place of
     * {@code directory}. An existing {@code directory} is first renamed aside and deleted only after
     * the new one is in place.
     */
    public static void writeDirectory(Path directory, Writer writer) {
        Path target = directory.toAbsolutePath();
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            Files.createDirectory(temp);
            writer.write(temp);
            boolean hadOld = Files.exists(target);
            if (hadOld) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            if (hadOld) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            deleteRecursively(temp);
            throw new ZeroPruneException("cannot write directory " + directory + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteRecursively(temp);
            throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(to + " exists and cannot be replaced", e);
        }
    }

    /**
     * A new, empty temporary directory for work that is deleted afterwards ({@link #deleteRecursively}).
     *
     * @param purpose names it, and what failed when it cannot be created
     */
    public static Path temporaryDirectory(String purpose) {
        try {
            return Files.createTempDirectory("zeroprune-" + purpose);
        } catch (IOException e) {
            throw new ZeroPruneException("cannot create a temporary directory for " + purpose + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a file or a directory tree, ignoring failures. */
    public static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary directory is harmless
        }
    }

    /** A short reason for a failed file operation, for messages (the JDK's text repeats the path). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort
        }
    }
}
