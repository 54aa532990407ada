package org.zeroprune.nas.benchmark.prune;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.zeroprune.nas.ZeroPruneException;

/**
 * A row of {@code benchmark prune}: which model a prune runs on, and whether it runs as {@code prune}
 * does by default, as it did with the previous default recipe, or as the older scoring-only
 * measurement.
 */
public enum PruneRow {
    /** {@code prune}'s defaults (strategy, search, reconstruction, export, latency timing) on the BERT-base-shaped checkpoint. */
    BERT_BASE("bert-base", true, true, false, "default path (as prune) on the BERT-base-shaped checkpoint"),
    /** As {@link #BERT_BASE} with the previous default recipe ({@link PreviousRecipe}). */
    BERT_BASE_PREVIOUS("bert-base-previous", true, true, true, "previous default recipe on the BERT-base-shaped checkpoint"),
    /** {@code prune}'s defaults on the embedded all-MiniLM-L6-v2. */
    EMBEDDED("embedded", false, true, false, "default path (as prune) on the embedded all-MiniLM-L6-v2"),
    /** As {@link #EMBEDDED} with the previous default recipe ({@link PreviousRecipe}). */
    EMBEDDED_PREVIOUS("embedded-previous", false, true, true, "previous default recipe on the embedded all-MiniLM-L6-v2"),
    /**
     * The scoring-only measurement kept from before: a weight-only strategy, an evolutionary search of
     * 10,000 candidates at 50% FLOPs and the export, no reconstruction, no latency timing; comparable
     * with the earlier figures.
     */
    ZEROLM("zerolm", true, false, false, "scoring strategy, evolutionary search at FLOPs 0.5, export; no reconstruction,"
            + " no latency timing");

    /** The rows run unless told otherwise: each default path with both recipes, then the scoring-only row. */
    public static final List<PruneRow> DEFAULT = List.of(BERT_BASE, BERT_BASE_PREVIOUS, EMBEDDED, EMBEDDED_PREVIOUS, ZEROLM);

    private final String key;
    private final boolean bertBase;
    private final boolean defaultPath;
    private final boolean previous;
    private final String description;

    PruneRow(String key, boolean bertBase, boolean defaultPath, boolean previous, String description) {
        this.key = key;
        this.bertBase = bertBase;
        this.defaultPath = defaultPath;
        this.previous = previous;
        this.description = description;
    }

    /** The name {@code --rows} takes. */
    public String key() {
        return key;
    }

    /** Whether the row prunes the BERT-base-shaped checkpoint (else the embedded model). */
    public boolean bertBase() {
        return bertBase;
    }

    /** Whether the row runs {@code prune}'s default strategy, search, reconstruction and export. */
    public boolean defaultPath() {
        return defaultPath;
    }

    /** Whether the row runs the previous default recipe rather than today's. */
    public boolean previous() {
        return previous;
    }

    /** What the row measures, for the table. */
    public String description() {
        return description;
    }

    /** Rows by their names, comma-separated, in the order given. */
    public static List<PruneRow> parse(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(PruneRow::named).toList();
    }

    private static PruneRow named(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new ZeroPruneException("--rows: unknown row '" + key + "'; expected one or more of "
                        + names() + ", separated by commas"));
    }

    /** The row names, for messages and help. */
    public static String names() {
        return Arrays.stream(values()).map(PruneRow::key).collect(Collectors.joining(", "));
    }
}
