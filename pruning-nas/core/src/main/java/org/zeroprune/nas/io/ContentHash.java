package org.zeroprune.nas.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.zeroprune.nas.ZeroPruneException;

/**
 * A SHA-256 over what a cached result was computed from, so that caches are keyed by content and
 * never by where the content lives.
 *
 * <p>Files are hashed whole. The cheaper key (size, modification time and a hash of the safetensors
 * header) misses a same-shaped checkpoint copied over the old one with its time kept ({@code cp -p},
 * {@code rsync -a}): same header, same size, and possibly the same time. Reading the file once costs
 * 70-150 ms for the 90 MB embedded model on the 2-core development machine (SHA-256 in hardware),
 * little beside loading the model and running it, which every cached step does anyway.
 */
public final class ContentHash {
    private final MessageDigest digest;

    /** An empty hash. */
    public ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Adds a piece of text (length-prefixed, so that "ab"+"c" and "a"+"bc" differ). */
    public ContentHash text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
        digest.update(bytes);
        return this;
    }

    /** Adds whether {@code file} exists and, if it does, all its bytes. */
    public ContentHash fileIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return text("absent");
        }
        text("present");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            long total = 0;
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                total += buffer.remaining();
                digest.update(buffer);
                buffer.clear();
            }
            return text(Long.toString(total));
        } catch (IOException e) {
            throw new ZeroPruneException(file + ": cannot read to fingerprint it: " + e.getMessage(), e);
        }
    }

    /** Adds every byte of {@code in} (not closed). */
    public ContentHash stream(InputStream in) {
        try {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; total += n) {
                digest.update(buffer, 0, n);
            }
            return text(Long.toString(total));
        } catch (IOException e) {
            throw new ZeroPruneException("cannot read to fingerprint: " + e.getMessage(), e);
        }
    }

    /** The hash so far, as 64 hex digits. */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
