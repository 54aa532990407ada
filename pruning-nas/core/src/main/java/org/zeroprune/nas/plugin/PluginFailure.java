package org.zeroprune.nas.plugin;

/**
 * What a throwable from a plugin's code means for the run, as one line naming the strategy and its
 * jar. Exceptions and most {@link Error}s ({@code StackOverflowError}, {@code LinkageError},
 * {@code AssertionError}, {@code ExceptionInInitializerError}) are the plugin's failure: the strategy
 * fails, and {@code evaluate} goes on with the others. An {@code OutOfMemoryError} is reported the
 * same way, with a warning that the JVM may be left short of memory, since the plugin's thread has
 * unwound but other threads may have been hit too. The other {@link VirtualMachineError}s
 * ({@code InternalError}, {@code UnknownError}) and {@code ThreadDeath} say the JVM itself is broken
 * or the thread is being stopped; they are not a plugin's failure to report and are rethrown as they are.
 */
final class PluginFailure {
    private PluginFailure() {
    }

    /**
     * {@return the failure of strategy {@code strategy} (from {@code source}) while {@code doing}}
     *
     * @param doing what it was doing, as a message says it: {@code preparing}, {@code scoring candidate #3 (...)}
     * @throws Error {@code failure} itself when it is not the plugin's to report
     */
    static PluginException of(String strategy, String source, String doing, Throwable failure) {
        String who = "strategy '" + strategy + "' (" + source + ")";
        if (failure instanceof OutOfMemoryError) {
            return new PluginException(who + " ran out of memory while " + doing + " (" + oneLine(failure)
                    + "); the JVM may be unstable after this, so rerun without it before relying on the rest of this"
                    + " run; give Java more heap (-Xmx; for the zeroprune command ZEROPRUNE_JAVA_OPTS=-Xmx8g) or the"
                    + " strategy lighter options", failure);
        }
        if (failure instanceof StackOverflowError) {
            return new PluginException(who + " overflowed its stack while " + doing
                    + " (java.lang.StackOverflowError: a recursion too deep in the plugin)", failure);
        }
        if (failure instanceof VirtualMachineError || failure instanceof ThreadDeath) {
            throw (Error) failure;
        }
        return new PluginException(who + " failed while " + doing + ": " + oneLine(failure), failure);
    }

    /** The throwable's type and message on one line (a plugin's message may span many). */
    static String oneLine(Throwable t) {
        return String.join(" ", t.toString().strip().lines().map(String::strip).toList());
    }
}
