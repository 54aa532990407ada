package org.zeroprune.nas.prune;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import java.util.Collection;
import java.util.Optional;
import org.zeroprune.nas.Caller;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.config.PruneModule;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.spi.context.ProgressListener;

/**
 * Wires and runs one {@link PruneJob} on a fresh DJL runtime: the one way both the Java API and the
 * {@code prune} command start a run, each naming itself as the {@link Caller} so that messages speak
 * its language.
 */
public final class PruneRunner {
    private PruneRunner() {
    }

    /** Runs a pruning job, reporting progress to {@code progress}, with messages worded for {@code caller}. */
    public static PruneResult run(PruneConfig config, ProgressListener progress, Caller caller) {
        PruneJob job;
        ModelRuntime runtime = new DjlModelRuntime();
        try {
            job = Guice.createInjector(new PruneModule(config, progress, runtime, caller)).getInstance(PruneJob.class);
        } catch (CreationException | ProvisionException e) {
            runtime.close();
            // the wiring's report lists every binding; the user needs the one failure behind it (a plugin folder, say)
            throw userFailure(e).orElseThrow(() -> e);
        }
        try (runtime) {
            return job.run();
        }
    }

    private static Optional<ZeroPruneException> userFailure(RuntimeException wiring) {
        for (Throwable t = wiring; t != null; t = t.getCause()) {
            if (t instanceof ZeroPruneException z) {
                return Optional.of(z);
            }
        }
        Collection<Message> messages = wiring instanceof CreationException c ? c.getErrorMessages()
                : ((ProvisionException) wiring).getErrorMessages();
        return messages.stream().map(Message::getCause).filter(ZeroPruneException.class::isInstance)
                .map(ZeroPruneException.class::cast).findFirst();
    }
}
