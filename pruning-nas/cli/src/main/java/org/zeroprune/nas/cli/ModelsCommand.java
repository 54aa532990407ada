package org.zeroprune.nas.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.model.DjlZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zeroprune models}: BERT-family models of DJL's zoo, from the metadata in DJL's jars (offline). */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the BERT-family models of DJL's HuggingFace zoo, read offline from the metadata DJL ships"
                + " in its jars. Pass one with --model djl://...; it is fetched into DJL's cache on first use, which needs"
                + " internet access. A size the metadata does not record shows as ?.")
final class ModelsCommand implements Callable<Integer> {
    @Option(names = "--filter", paramLabel = "TEXT", defaultValue = "", description = "Only ids containing TEXT"
            + " (case-insensitive).")
    String filter;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N entries, 0 = all"
            + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new ConfigException("--limit " + limit + ": expected 0 (every entry) or a positive number of entries");
        }
        List<DjlZoo.Entry> entries = DjlZoo.bertFamily().stream()
                .filter(e -> e.id().toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT))).toList();
        int shown = limit == 0 ? entries.size() : Math.min(limit, entries.size());
        List<DjlZoo.Entry> rows = entries.subList(0, shown);
        int width = rows.stream().mapToInt(e -> e.url().length()).max().orElse(0);
        String format = "%-" + Math.max(width, 15) + "s  %-24s %9s%n";
        System.out.printf(format, "MODEL (--model)", "APPLICATION", "SIZE MB");
        for (DjlZoo.Entry e : rows) {
            System.out.printf(Locale.ROOT, format, e.url(), e.application(), megabytes(e.bytes()));
        }
        System.out.printf("%d of %d BERT-family entries%s; chosen by name, as the zoo's metadata records no"
                + " architecture: a model whose config.json is not BERT is refused once downloaded%n", shown,
                entries.size(), shown < entries.size() ? " (use --limit 0 for all)" : "");
        return 0;
    }

    /** The size in MB; the zoo's metadata records none (0 or below) for some entries. */
    static String megabytes(long bytes) {
        return bytes <= 0 ? "?" : String.format(Locale.ROOT, "%.0f", bytes / 1e6);
    }
}
