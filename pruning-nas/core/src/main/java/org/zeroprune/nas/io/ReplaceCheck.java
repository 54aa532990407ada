package org.zeroprune.nas.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ZeroPruneException;

/** Whether an output path may be written: absent, or a directory that overwriting may replace. */
final class ReplaceCheck {
    private static final int LISTED = 5;

    private ReplaceCheck() {
    }

    /**
     * Refuses {@code target} unless it is absent, or {@code overwrite} is set and it is an empty
     * directory or one that zeroprune wrote and nobody added to.
     *
     * @param when appended to the reason, e.g. that the target changed during the run
     * @param caller whose option or method names the output and the permission in messages
     */
    static void require(Path target, boolean overwrite, String when, Caller caller) {
        String another = "choose another " + caller.output();
        String overwriteName = caller.overwrite();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(target)) {
            throw refuse(target + " is a symbolic link" + when + "; zeroprune does not write through links: give the"
                    + " directory itself, or " + another.replace("choose ", ""));
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            String kind = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? "a file" : "not a directory (a device or"
                    + " a special file)";
            throw refuse(target + " exists and is " + kind + when + "; zeroprune writes a directory there and never"
                    + " replaces anything else, not even with " + overwriteName + ": " + another);
        }
        Optional<String> notOurs = notReplaceable(target);
        if (!overwrite) {
            // suggest overwriting only where it would work
            throw refuse("output directory " + target + " exists" + when + notOurs.map(r -> "; " + r + ": move it away,"
                    + " or " + another).orElse("; " + caller.overwriteHint() + " to replace it, or " + another));
        }
        if (notOurs.isPresent()) {
            throw refuse(target + when + ": " + notOurs.get() + "; " + overwriteName + " replaces only what zeroprune wrote: move"
                    + " it away, or " + another);
        }
    }

    /** Why overwriting may not replace the directory {@code target}, if it may not. */
    private static Optional<String> notReplaceable(Path target) {
        List<String> entries = entries(target);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> foreign = OutputManifest.foreignEntries(target);
        if (foreign.isEmpty()) {
            boolean hasManifest = Files.exists(target.resolve(OutputManifest.FILE), LinkOption.NOFOLLOW_LINKS);
            return Optional.of("it was not written by zeroprune (" + (hasManifest ? "its " + OutputManifest.FILE
                    + " is not one zeroprune wrote" : "it has no " + OutputManifest.FILE) + ") and holds "
                    + list(entries));
        }
        if (!foreign.get().isEmpty()) {
            return Optional.of("it holds files that zeroprune did not write: " + list(foreign.get()));
        }
        return Optional.empty();
    }

    private static List<String> entries(Path directory) {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw refuse("cannot read " + directory + " (" + AtomicFiles.reason(e) + ") to check what overwriting would"
                    + " replace");
        }
    }

    private static String list(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() <= LISTED ? shown : shown + " and " + (names.size() - LISTED) + " more";
    }

    private static ZeroPruneException refuse(String message) {
        return new ZeroPruneException(message);
    }
}
