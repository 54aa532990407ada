package org.zeroprune.nas.forward;

import org.zeroprune.nas.quality.UpwardFixtureEval;

/** An engine reaching up into the measures, as the forward pass once read the evaluation corpus. */
public final class UpwardFixtureForward {
    /** The upward dependency. */
    public UpwardFixtureEval corpus() {
        return new UpwardFixtureEval();
    }
}
