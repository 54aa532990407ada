package org.zeroprune.nas.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which configuration keys hold text, derived from the {@link PruneConfig} records so that a key
 * added later is covered without being listed. An override of such a key is taken literally: read
 * as a YAML scalar, a folder named {@code yes} would become {@code true}, {@code 0x10} would become
 * {@code 16} and {@code null} would unset the key.
 */
final class TextKeys {
    /** How an override value of a key is read. */
    enum Kind {
        /** A String field: the value as it is. */
        TEXT,
        /** A list of strings: the value as its one entry, or {@code [a, b]} as entries (see {@link #entries}). */
        TEXT_LIST,
        /** A map of strings: every key below it is text. */
        TEXT_MAP
    }

    // the loader binds with kebab-case names (sequenceLength -> sequence-length); so must this
    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();
    private static final Map<String, Kind> KINDS = new HashMap<>();

    static {
        collect(PruneConfig.class, "");
    }

    private TextKeys() {
    }

    /** The kind of {@code path} ({@code output.dir}), or null when its value is parsed as YAML. */
    static Kind of(String path) {
        Kind kind = KINDS.get(path);
        if (kind != null) {
            return kind;
        }
        int dot = path.lastIndexOf('.');
        return dot > 0 && KINDS.get(path.substring(0, dot)) == Kind.TEXT_MAP ? Kind.TEXT : null;
    }

    /**
     * The entries of a list-of-text override: {@code [a, b]} lists several (the form the API and
     * tests have always used), split at commas with each entry kept as written, quotes aside, so
     * {@code [yes]} is the folder yes; anything else is one entry as it is.
     */
    static List<String> entries(String value) {
        String v = value.strip();
        if (!v.startsWith("[") || !v.endsWith("]")) {
            return List.of(value);
        }
        String inner = v.substring(1, v.length() - 1).strip();
        if (inner.isEmpty()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : inner.split(",", -1)) {
            String e = entry.strip();
            boolean quoted = e.length() >= 2 && (e.startsWith("\"") && e.endsWith("\"")
                    || e.startsWith("'") && e.endsWith("'"));
            entries.add(quoted ? e.substring(1, e.length() - 1) : e);
        }
        return entries;
    }

    private static void collect(Class<?> record, String prefix) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + KEBAB.translate(c.getName());
            if (c.getType() == String.class) {
                KINDS.put(path, Kind.TEXT);
            } else if (c.getType().isRecord()) {
                collect(c.getType(), path + ".");
            } else if (c.getGenericType() instanceof ParameterizedType p && allText(p)) {
                KINDS.put(path, Map.class.isAssignableFrom(c.getType()) ? Kind.TEXT_MAP : Kind.TEXT_LIST);
            }
        }
    }

    private static boolean allText(ParameterizedType p) {
        for (Type argument : p.getActualTypeArguments()) {
            if (argument != String.class) {
                return false;
            }
        }
        return true;
    }
}
