package org.zeroprune.nas.search;

import org.zeroprune.nas.config.CycleFixtureConfig;

/** Half of a package cycle that ArchitectureRulesFailTest expects the rules to catch; not used otherwise. */
public final class CycleFixtureSearch {
    /** search reading configuration, as searches once read config's budget. */
    public CycleFixtureConfig configuration() {
        return new CycleFixtureConfig();
    }
}
