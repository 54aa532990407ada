package org.zeroprune.nas.rank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.search.ScoredCandidate;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Writes a ranking as {@code ranking.json} (for programs) and {@code ranking.csv} (for
 * spreadsheets). Both hold only what the configuration and seed determine, never timings, so two
 * runs with the same seed write identical bytes.
 */
public final class RankingWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RankingWriter() {
    }

    /**
     * The ranking document.
     *
     * @param header {@code model}, {@code scoring}, {@code search}, {@code dense} and {@code budget}
     *     sections, written first
     * @param ranked candidates best first
     * @param denseMacs MACs of the dense encoder, for ratios
     * @param denseParams parameters of the dense encoder, for ratios
     * @param fixedParams parameters outside the encoder layers (embeddings, pooler, heads)
     */
    public static ObjectNode document(ObjectNode header, List<ScoredCandidate> ranked, long denseMacs, long denseParams,
            long fixedParams) {
        ObjectNode doc = header.deepCopy();
        ArrayNode candidates = doc.putArray("candidates");
        for (int i = 0; i < ranked.size(); i++) {
            ScoredCandidate c = ranked.get(i);
            ObjectNode row = candidates.addObject();
            row.put("rank", i + 1);
            row.put("id", c.id());
            row.put("score", c.score());
            row.put("macs", c.macs());
            row.put("params", c.params());
            row.put("totalParams", c.params() + fixedParams);
            row.put("macsRatio", ratio(c.macs(), denseMacs));
            row.put("paramsRatio", ratio(c.params(), denseParams));
            row.put("budgetCost", c.budgetCost());
            row.set("masks", masks(c.mask()));
        }
        return doc;
    }

    /** The mask as per-layer counts and ranges. */
    public static ObjectNode masks(PruningMask mask) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode headCounts = node.putArray("keptHeads");
        ArrayNode neuronCounts = node.putArray("keptNeurons");
        ArrayNode heads = node.putArray("heads");
        ArrayNode neurons = node.putArray("neurons");
        for (int l = 0; l < mask.layerCount(); l++) {
            headCounts.add(mask.heads(l).count());
            neuronCounts.add(mask.neurons(l).count());
            heads.add(UnitRanges.format(mask.heads(l)));
            neurons.add(UnitRanges.format(mask.neurons(l)));
        }
        return node;
    }

    private static double ratio(long value, long dense) {
        return dense == 0 ? 0 : Math.round(value * 1e6 / dense) / 1e6;
    }

    /** Writes {@code ranking.json} into {@code directory}. */
    public static void writeJson(Path directory, ObjectNode document) {
        try {
            AtomicFiles.writeString(directory.resolve("ranking.json"), JSON.writeValueAsString(document) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code ranking.csv} into {@code directory}: one row per candidate, masks as ranges joined by {@code |}. */
    public static void writeCsv(Path directory, ObjectNode document) {
        StringBuilder csv = new StringBuilder(
                "rank,id,score,macs,params,total_params,macs_ratio,params_ratio,kept_heads,kept_neurons,head_mask,neuron_mask\n");
        for (var row : document.withArray("candidates")) {
            var masks = row.get("masks");
            csv.append(row.get("rank").asInt()).append(',').append(row.get("id").asInt()).append(',')
                    .append(row.get("score").asText()).append(',').append(row.get("macs").asLong()).append(',')
                    .append(row.get("params").asLong()).append(',').append(row.get("totalParams").asLong()).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", row.get("macsRatio").asDouble())).append(',')
                    .append(String.format(Locale.ROOT, "%.6f", row.get("paramsRatio").asDouble())).append(',')
                    .append(join(masks.get("keptHeads"), ";")).append(',').append(join(masks.get("keptNeurons"), ";"))
                    .append(",\"").append(join(masks.get("heads"), "|")).append("\",\"")
                    .append(join(masks.get("neurons"), "|")).append("\"\n");
        }
        AtomicFiles.writeString(directory.resolve("ranking.csv"), csv.toString());
    }

    private static String join(com.fasterxml.jackson.databind.JsonNode array, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(array.get(i).asText());
        }
        return sb.toString();
    }
}
