package org.zeroprune.nas.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The number of attention heads as each source tells it (the user's {@code --heads}, a
 * {@code config.json} beside the file, the graph's attention scale). No weight shape reveals it, so
 * a wrong value would silently regroup Q/K/V columns into other heads; sources that disagree are
 * therefore refused rather than one of them winning.
 */
final class HeadCount {
    /** Origin of the user's value in messages. */
    static final String TOLD = "--heads";

    private final Map<String, Integer> claims = new LinkedHashMap<>();

    /** Records what {@code origin} says, if it says anything. */
    HeadCount claim(String origin, OptionalInt heads) {
        heads.ifPresent(h -> claims.put(origin, h));
        return this;
    }

    /**
     * The agreed number of heads, if any source tells it.
     *
     * @throws OnnxImportException naming each value and its origin when they disagree
     */
    OptionalInt agreed(String source) {
        if (claims.values().stream().distinct().count() > 1) {
            String values = claims.entrySet().stream().map(e -> e.getValue() + " from " + e.getKey())
                    .collect(Collectors.joining(" but "));
            throw new OnnxImportException(source + ": contradictory numbers of attention heads: " + values + "; "
                    + (claims.containsKey(TOLD) ? "correct or drop --heads" : "correct or remove the config.json"));
        }
        return claims.values().stream().mapToInt(Integer::intValue).findFirst();
    }
}
