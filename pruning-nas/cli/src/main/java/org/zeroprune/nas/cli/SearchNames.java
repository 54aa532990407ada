package org.zeroprune.nas.cli;

import java.util.Iterator;
import org.zeroprune.nas.search.SearchStrategies;

/** The registered search strategies' names, for {@code --search}'s help ({@code ${COMPLETION-CANDIDATES}}). */
final class SearchNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return SearchStrategies.names().iterator();
    }
}
