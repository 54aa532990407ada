package org.zeroprune.nas.quality;

/** Target of the fixture's upward dependency. */
public final class UpwardFixtureEval {
}
