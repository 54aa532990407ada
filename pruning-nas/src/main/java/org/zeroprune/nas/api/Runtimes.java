package org.zeroprune.nas.api;

import org.zeroprune.nas.prune.ModelRuntime;
import org.zeroprune.nas.prune.UnavailableRuntime;

/** The model runtime a run uses. */
final class Runtimes {
    private Runtimes() {
    }

    static ModelRuntime defaultRuntime() {
        return new UnavailableRuntime();
    }
}
