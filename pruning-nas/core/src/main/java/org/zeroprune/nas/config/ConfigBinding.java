package org.zeroprune.nas.config;

import static org.zeroprune.nas.config.ConfigMapper.YAML;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.zeroprune.nas.ConfigException;

/**
 * Binds a merged tree to a {@link PruneConfig}, turning Jackson's failures into messages that name
 * the source, the key and what was expected.
 */
final class ConfigBinding {
    private ConfigBinding() {
    }

    /** The tree as a configuration, not yet validated; {@code source} names it in messages. */
    static PruneConfig bind(ObjectNode tree, String source) {
        ConfigShapes.check(tree, ConfigTree.defaults(), source);
        try {
            return YAML.treeToValue(tree, PruneConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String full = path(e);
            String where = full.contains(".") ? full.substring(0, full.lastIndexOf('.')) : "";
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
            throw new ConfigException(source + ": unknown key '" + (where.isEmpty() ? "" : where + ".")
                    + e.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known keys" + (where.isEmpty() ? "" : " in '"
                    + where + "'") + ": " + known));
        } catch (InvalidFormatException e) {
            throw new ConfigException(source + ": key '" + path(e) + "' is '" + e.getValue() + "'; expected "
                    + expected(e.getTargetType()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(source + ": key '" + path(e) + "' has the wrong type; expected "
                    + expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputCoercionException range) {
                throw new ConfigException(source + ": " + outOfRange(path(e), tree, range));
            }
            throw new ConfigException(source + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    /** A number beyond its key's type: Jackson's message names neither the key nor what is accepted. */
    private static String outOfRange(String key, ObjectNode tree, InputCoercionException e) {
        String value = tree.at("/" + key.replace('.', '/').replace("[", "/").replace("]", "")).asText();
        boolean negative = value.startsWith("-");
        boolean wide = e.getTargetType() == long.class || e.getTargetType() == Long.class;
        long bound = negative ? (wide ? Long.MIN_VALUE : Integer.MIN_VALUE) : wide ? Long.MAX_VALUE : Integer.MAX_VALUE;
        return "key '" + key + "' is '" + value + "', out of range: expected an integer " + (negative ? "no smaller than "
                : "no larger than ") + bound;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping of settings";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
