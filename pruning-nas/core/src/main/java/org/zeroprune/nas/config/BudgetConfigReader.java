package org.zeroprune.nas.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.config.PruneConfig.BudgetConfig;
import org.zeroprune.nas.search.BudgetKind;

/**
 * Reads the {@code budget} mapping, whose kind keys are the registered {@link BudgetKind}s rather
 * than fields, so that a new kind needs no new field. Each value is read by Jackson's own
 * deserializers and failures carry the key's path, so messages are those of any other key.
 */
final class BudgetConfigReader extends StdDeserializer<BudgetConfig> {
    private static final long serialVersionUID = 1L;
    private static final String SEQUENCE_LENGTH = "sequence-length";
    private static final String LATENCY_BATCH = "latency-batch";

    /** Made by Jackson. */
    BudgetConfigReader() {
        super(BudgetConfig.class);
    }

    @Override
    public BudgetConfig deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            t = p.nextToken();
        } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return (BudgetConfig) ctxt.handleUnexpectedToken(BudgetConfig.class, p);
        }
        Map<BudgetKind, Double> ratios = new EnumMap<>(BudgetKind.class);
        int sequenceLength = 0;
        int latencyBatch = 0;
        for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Optional<BudgetKind> kind = BudgetKind.forKey(name);
            try {
                if (kind.isPresent()) {
                    Double ratio = ctxt.readValue(p, Double.class);
                    if (ratio != null) {
                        ratios.put(kind.get(), ratio);
                    }
                } else if (name.equals(SEQUENCE_LENGTH)) {
                    sequenceLength = ctxt.readValue(p, Integer.TYPE);
                } else if (name.equals(LATENCY_BATCH)) {
                    latencyBatch = ctxt.readValue(p, Integer.TYPE);
                } else {
                    throw UnrecognizedPropertyException.from(p, BudgetConfig.class, name, knownKeys());
                }
            } catch (UnrecognizedPropertyException e) {
                throw e;
            } catch (JsonMappingException e) {
                // the value's own failure knows no key; the enclosing configuration adds "budget"
                e.prependPath(BudgetConfig.class, name);
                throw e;
            }
        }
        return new BudgetConfig(ratios, sequenceLength, latencyBatch);
    }

    private static List<Object> knownKeys() {
        List<Object> keys = new ArrayList<>(BudgetKind.keys());
        keys.add(SEQUENCE_LENGTH);
        keys.add(LATENCY_BATCH);
        return keys;
    }
}
