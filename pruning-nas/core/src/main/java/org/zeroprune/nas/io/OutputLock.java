package org.zeroprune.nas.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.zeroprune.nas.ZeroPruneException;

/**
 * An exclusive lock on an output path, held by one zeroprune run (in this or another process) from
 * before its work starts until its output is in place. It is an operating-system lock on a file in
 * the cache's {@code locks/} folder named by a hash of the output's absolute path, so that a run that
 * dies holds nothing and the user's folder gets no lock file. The lock files are never deleted:
 * deleting one while another process waits on it would let two runs hold "the" lock at once.
 */
final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code target}, an absolute path whose folder is resolved through links.
     *
     * @throws ZeroPruneException when another run holds it
     */
    static OutputLock acquire(Path target) {
        FileChannel channel = open(target);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another run in this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ZeroPruneException("cannot take the lock for writing " + target + ": " + AtomicFiles.reason(e));
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new ZeroPruneException("another zeroprune run is writing " + target + "; wait for it to finish, or choose"
                    + " another --out");
        }
        try {
            // who holds it, for a person who wonders (POSIX locks forbid reopening the file in this process)
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + target + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // the lock holds without the note
        }
        return new OutputLock(channel, lock);
    }

    /** Opens the lock file of {@code target}, one per output path, under the cache or else the temporary folder. */
    private static FileChannel open(Path target) {
        String name = sha256(target.toString()).substring(0, 32) + ".lock";
        Path file = CacheRoot.path().resolve("locks").resolve(name);
        try {
            return openFile(file);
        } catch (IOException e) {
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "zeroprune-locks", name);
            try {
                return openFile(fallback);
            } catch (IOException again) {
                throw new ZeroPruneException("cannot create a lock for writing " + target + " in " + file.getParent()
                        + " (" + AtomicFiles.reason(e) + ") or " + fallback.getParent() + " (" + AtomicFiles.reason(again)
                        + "); set ZEROPRUNE_CACHE to a writable folder");
            }
        }
    }

    private static FileChannel openFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
