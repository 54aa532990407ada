package org.zeroprune.nas.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.zeroprune.nas.ZeroPruneException;

/**
 * The hidden {@code .NAME.zeroprune-tmp-*} and {@code .NAME.zeroprune-old-*} directories beside an
 * output, where a run builds the new output and parks the replaced one. A run that is stopped
 * deletes its own on the way out; one that is killed leaves it behind, and the next run to the same
 * output, which holds the output's lock, deletes it.
 */
final class TemporarySiblings {
    private static final Pattern UUID_SUFFIX = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TemporarySiblings() {
    }

    /** A fresh sibling name of {@code target} for {@code purpose} (tmp or old). */
    static Path name(Path target, String purpose) {
        return target.resolveSibling(prefix(target, purpose) + UUID.randomUUID());
    }

    private static String prefix(Path target, String purpose) {
        return "." + target.getFileName() + ".zeroprune-" + purpose + "-";
    }

    /** Creates an empty temporary sibling directory. */
    static Path create(Path target) {
        Path temp = name(target, "tmp");
        try {
            Files.createDirectory(temp);
        } catch (IOException e) {
            String reason = AtomicFiles.reason(e);
            String hint = reason.contains("too long") ? ": zeroprune builds the output beside it under a name "
                    + (temp.getFileName().toString().length() - target.getFileName().toString().length())
                    + " characters longer, so choose a shorter --out" : "";
            throw new ZeroPruneException("cannot write " + target + ": cannot create " + temp + " (" + reason + ")" + hint);
        }
        return temp;
    }

    /**
     * Deletes what interrupted runs left beside {@code target}: only its lock holder may call this.
     * Earlier versions named them {@code .NAME.tmp-UUID} and {@code .NAME.old-UUID}.
     */
    static void deleteStale(Path target) {
        String name = target.getFileName().toString();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith("." + name + "."))) {
            for (Path sibling : siblings) {
                String rest = sibling.getFileName().toString().substring(name.length() + 2);
                if (rest.startsWith("zeroprune-tmp-") || rest.startsWith("zeroprune-old-")
                        || (rest.startsWith("tmp-") || rest.startsWith("old-")) && UUID_SUFFIX.matcher(rest.substring(4)).matches()) {
                    AtomicFiles.deleteRecursively(sibling);
                }
            }
        } catch (IOException e) {
            // best effort: leftovers are harmless, only untidy
        }
    }

    /** Deletes {@code temp} if the JVM is stopped (Ctrl-C, SIGTERM) before the run ends. */
    static Thread deleteOnExit(Path temp) {
        Thread hook = new Thread(() -> AtomicFiles.deleteRecursively(temp), "zeroprune-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Forgets a {@link #deleteOnExit} hook once the run ended by itself. */
    static void keepOnExit(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: let the hook run
        }
    }
}
