package org.zeroprune.nas.plugin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zeroprune.spi.ScoringStrategyProvider;

/**
 * Whether a provider was compiled against an SPI this framework can run: the same major version as
 * {@link ScoringStrategyProvider#SPI_VERSION}. The provider's {@code spiVersion()} returns the
 * constant as the compiler copied it into the plugin, so it is the version the plugin was built with.
 */
final class SpiCompatibility {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.\\d+");

    private SpiCompatibility() {
    }

    /**
     * Why {@code provider} cannot be used, in one line naming it, its source and both versions; empty
     * when it can.
     */
    static Optional<String> problem(ScoringStrategyProvider provider, String name, String source) {
        String own = ScoringStrategyProvider.SPI_VERSION;
        String who = provider.getClass().getName() + " (strategy '" + name + "', " + source + ")";
        String declared;
        try {
            declared = provider.spiVersion();
        } catch (AbstractMethodError e) {
            return Optional.of(who + " was compiled against a zeroprune SPI older than 1.0 (it has no spiVersion()); "
                    + "this zeroprune has SPI " + own + "; left out: rebuild the plugin against zeroprune-spi " + own);
        }
        Matcher theirs = VERSION.matcher(declared == null ? "" : declared);
        if (!theirs.matches()) {
            return Optional.of(who + " declares SPI version '" + declared + "', expected MAJOR.MINOR such as " + own
                    + "; left out");
        }
        if (!theirs.group(1).equals(major(own))) {
            return Optional.of(who + " was compiled against zeroprune SPI " + declared + ", but this zeroprune has SPI "
                    + own + " (major versions must match); left out: rebuild the plugin against zeroprune-spi " + own);
        }
        return Optional.empty();
    }

    private static String major(String version) {
        return version.substring(0, version.indexOf('.'));
    }
}
