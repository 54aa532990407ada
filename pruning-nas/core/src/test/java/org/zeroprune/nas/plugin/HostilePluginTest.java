package org.zeroprune.nas.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.testing.HostilePlugins;
import org.zeroprune.nas.testing.TinyBert;
import org.zeroprune.spi.context.ProgressListener;

/**
 * A plugin cannot take a prune down with a stack trace or hang it: unusable unit importances and
 * details, {@link Error}s and calls that never return each fail the run with one message naming the
 * strategy, its jar and what was wrong, and nothing is written.
 */
class HostilePluginTest {
    @TempDir
    static Path dir;
    static Path plugins;
    static Path model;

    @BeforeAll
    static void write() throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        HostilePlugins.write(plugins);
        model = new TinyBert().write(dir.resolve("model"));
    }

    private static ZeroPrune.ConfigBuilder run(String strategy) {
        return ZeroPrune.config().model(model.toString()).strategy(strategy).set("search.strategy", "random")
                .set("search.candidates", "8").set("plugins", "[" + plugins + "]").set("output.export", "false")
                .set("search.unit-selection", "importance").output(dir.resolve("out-" + strategy).toString());
    }

    private static PluginException failure(ZeroPrune.ConfigBuilder config, String strategy, String... fragments) {
        return failure(config, ProgressListener.NONE, strategy, fragments);
    }

    private static PluginException failure(ZeroPrune.ConfigBuilder config, ProgressListener progress, String strategy,
            String... fragments) {
        PluginException e = assertThrows(PluginException.class, () -> ZeroPrune.prune(config.build(), progress));
        String message = e.getMessage();
        assertTrue(message.startsWith("strategy '" + strategy + "' (") && message.contains("hostile.jar"), message);
        assertTrue(message.lines().count() == 1, message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), message);
        }
        assertFalse(Files.exists(dir.resolve("out-" + strategy)), "nothing written");
        return e;
    }

    @Test
    void unitImportancesThatAreNotFiniteAreRefusedNamingTheLayerAndUnit() {
        failure(run("nan-importance"), "nan-importance", "gave NaN as the unit importance of head 0 of layer 0",
                "expected a finite number");
        failure(run("infinite-importance"), "infinite-importance",
                "gave -Infinity as the unit importance of neuron 5 of layer 1");
    }

    @Test
    void aShortUnitImportanceIsRefusedNamingTheLayer() {
        failure(run("short-importance"), "short-importance", "unit importance of the heads of layer 0 for 1 heads;"
                + " the layer has 4");
    }

    @Test
    void negativeUnitImportancesAreOrdersLikeAnyOther() {
        // the SPI asks for finite numbers, higher meaning keep: a negative one is a valid order
        ZeroPrune.prune(run("negative-importance").build());
        assertTrue(Files.exists(dir.resolve("out-negative-importance").resolve("ranking.json")));
    }

    @Test
    void detailsNoWriterCanSerialiseAreRefusedNamingTheEntry() {
        failure(run("object-details").set("search.unit-selection", "random"), "object-details",
                "reported its detail 'state' as a java.lang.Object", "expected a string, a finite number or a boolean");
    }

    @Test
    void errorsFromThePluginAreOneLineNamingTheStrategyAndItsJar() {
        PluginException overflow = failure(run("overflows-in-prepare"), "overflows-in-prepare",
                "overflowed its stack while preparing");
        assertTrue(overflow.getCause() instanceof StackOverflowError, "the error is kept for --verbose");
        failure(run("out-of-memory-in-score").set("search.unit-selection", "random"), "out-of-memory-in-score",
                "ran out of memory while scoring candidate #", "the JVM may be unstable");
    }

    @Test
    void aPreparationThatNeverReturnsIsAbandonedAtItsLimitWithProgressWhileItWaits() {
        List<String> tasks = Collections.synchronizedList(new ArrayList<>());
        ProgressListener recording = (label, total) -> {
            tasks.add(label);
            return ProgressListener.NONE.start(label, total);
        };
        failure(run("sleeps-in-prepare").set(StrategyLimits.PREPARE_KEY, "0.5"), recording, "sleeps-in-prepare",
                "has been preparing for", "past its limit of 0.5 s", "raise scoring.prepare-limit-seconds");
        assertTrue(tasks.stream().anyMatch(t -> t.startsWith("Strategy 'sleeps-in-prepare' (") && t.contains(
                "still preparing") && t.contains("scoring.prepare-limit-seconds")), tasks.toString());
    }

    @Test
    void aScoreThatNeverReturnsIsAbandonedAtItsLimitNamingTheCandidate() {
        failure(run("sleeps-in-score").set("search.unit-selection", "random").set(StrategyLimits.SCORE_KEY, "0.5")
                .set("threads", "2"), "sleeps-in-score", "has been scoring candidate #", "past its limit of 0.5 s",
                "raise scoring.score-limit-seconds");
    }
}
