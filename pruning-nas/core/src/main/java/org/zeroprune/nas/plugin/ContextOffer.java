package org.zeroprune.nas.plugin;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.zeroprune.spi.context.Capability;

/**
 * Who offers a scoring context, and how the user can offer what a strategy lacks: the words of the
 * message that refuses a strategy before it prepares.
 *
 * @param offerer the run, in words: {@code this run}, {@code the FlexiBERT benchmark}
 * @param remedies per capability the user can add, how (an option or a command-line flag)
 * @param note said when no remedy applies, for example what the offerer does offer; may be empty
 */
public record ContextOffer(String offerer, Map<Capability, String> remedies, String note) {

    /** Copies the remedies. */
    public ContextOffer {
        remedies = Map.copyOf(remedies);
    }

    /** The remedies for {@code missing}, in its order, without repeats; empty when none applies. */
    Set<String> remediesFor(Set<Capability> missing) {
        Set<String> out = new LinkedHashSet<>();
        for (Capability c : missing) {
            String remedy = remedies.get(c);
            if (remedy != null) {
                out.add(remedy);
            }
        }
        return out;
    }
}
