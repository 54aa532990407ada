package org.zeroprune.nas.config;

import org.zeroprune.nas.search.CycleFixtureSearch;

/** The other half of the fixture cycle: configuration building a search. */
public final class CycleFixtureConfig {
    /** config building a search, as the configuration does. */
    public CycleFixtureSearch search() {
        return new CycleFixtureSearch();
    }
}
