package org.zeroprune.nas.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.zeroprune.nas.ZeroPruneException;

/**
 * Checks that a file zeroprune is asked to read is a regular file, and says what it is when it is
 * not: reading a device such as {@code /dev/zero} never ends, and a FIFO blocks until someone
 * writes to it, so both are refused before they are opened rather than reported as "not found".
 */
public final class InputFile {
    private InputFile() {
    }

    /**
     * Returns {@code file} if it is a regular file (or a link to one).
     *
     * @param notFound what to say of a path that does not exist, e.g. "STS file not found"
     * @param expected what a good file holds, e.g. "a UTF-8 text file with one sentence per line"
     * @param failure makes the exception to throw from its message
     */
    public static Path requireRegular(Path file, String notFound, String expected,
            Function<String, ? extends ZeroPruneException> failure) {
        if (Files.isRegularFile(file)) {
            return file;
        }
        String found = !Files.exists(file) ? notFound
                : Files.isDirectory(file) ? "is a directory" : "is " + kind(file) + ", not a regular file";
        throw failure.apply(file + ": " + found + "; expected " + expected);
    }

    /** What {@code file}, which exists and is neither a regular file nor a directory, is: "a named pipe (FIFO)", ... */
    static String kind(Path file) {
        try {
            // the "unix" attribute view (Linux, macOS) tells devices, pipes and sockets apart
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}
