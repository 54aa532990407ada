package org.zeroprune.nas.eval;

/** Target of the fixture's upward dependency. */
public final class UpwardFixtureEval {
}
