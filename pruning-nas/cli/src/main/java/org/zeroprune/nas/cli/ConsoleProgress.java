package org.zeroprune.nas.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.zeroprune.spi.context.ProgressListener;

/**
 * Progress on the terminal's error stream: a progress bar when it is a terminal, otherwise a line
 * when a task starts, one per tenth of its steps, and one when it ends (logs stay readable).
 */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private final boolean terminal;
    private final boolean quiet;

    /**
     * @param out where progress goes (standard error, so standard output stays parseable)
     * @param quiet print nothing
     */
    public ConsoleProgress(PrintStream out, boolean quiet) {
        this.out = out;
        this.terminal = System.console() != null;
        this.quiet = quiet;
    }

    @Override
    public ProgressTask start(String label, long total) {
        if (quiet) {
            return NONE.start(label, total);
        }
        if (terminal) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).showSpeed().build();
            return new ProgressTask() {
                @Override
                public void step(long n) {
                    bar.stepBy(n);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        }
        out.println(label + (total > 0 ? " (" + total + ")" : "") + " ...");
        long start = System.nanoTime();
        return new ProgressTask() {
            private long done;
            private long nextReport = Math.max(1, total / 10);

            @Override
            public synchronized void step(long n) {
                done += n;
                // a line per tenth of a long task, so that a log shows it is moving
                if (total > 0 && done >= nextReport && done < total) {
                    out.println(String.format(Locale.ROOT, "%s: %d/%d (%.0f s)", label, done, total,
                            (System.nanoTime() - start) / 1e9));
                    nextReport += Math.max(1, total / 10);
                }
            }

            @Override
            public void close() {
                out.println(String.format(Locale.ROOT, "%s: done in %.1f s", label, (System.nanoTime() - start) / 1e9));
            }
        };
    }
}
