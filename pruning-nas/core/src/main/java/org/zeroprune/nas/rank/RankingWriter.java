package org.zeroprune.nas.rank;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.search.ScoredCandidate;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Writes a ranking as {@code ranking.json} (for programs) and {@code ranking.csv} (for
 * spreadsheets). Both hold only what the configuration and seed determine, never timings, so two
 * runs with the same seed write identical bytes. Rows are streamed to disk one at a time: with
 * importance-ordered units, 10,000 candidates' masks take hundreds of megabytes as text, which a
 * document built in memory first would hold twice. With {@link MaskFormat#ORDER} a row holds only the
 * kept counts and the unit order is written once, which cuts that to a few bytes per layer.
 */
public final class RankingWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER_CHARS = 1 << 20;

    private final ObjectNode header;
    private final List<ScoredCandidate> ranked;
    private final long denseMacs;
    private final long denseParams;
    private final long fixedParams;
    private final MaskFormat format;
    private final Optional<UnitOrder> order;

    /**
     * A ranking to write.
     *
     * @param header {@code model}, {@code scoring}, {@code search}, {@code dense} and {@code budget}
     *     sections, written first
     * @param ranked candidates best first
     * @param denseMacs MACs of the dense encoder, for ratios
     * @param denseParams parameters of the dense encoder, for ratios
     * @param fixedParams parameters outside the encoder layers (embeddings, pooler, heads)
     * @param format how rows write their masks
     * @param order the order in which the search kept units, if it kept them by importance (then every
     *     candidate keeps a prefix of it, as {@code SearchSpace} builds them); required by {@link MaskFormat#ORDER}
     * @throws IllegalArgumentException if the format needs an order that is missing
     */
    public RankingWriter(ObjectNode header, List<ScoredCandidate> ranked, long denseMacs, long denseParams,
            long fixedParams, MaskFormat format, Optional<UnitOrder> order) {
        if (format == MaskFormat.ORDER && order.isEmpty()) {
            throw new IllegalArgumentException("masks in order format need the order in which the search kept units");
        }
        this.format = format;
        this.order = order;
        this.header = header.deepCopy();
        this.header.set("masks", masksSection());
        this.ranked = List.copyOf(ranked);
        this.denseMacs = denseMacs;
        this.denseParams = denseParams;
        this.fixedParams = fixedParams;
    }

    private ObjectNode masksSection() {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", format.configName());
        order.ifPresent(o -> {
            node.set("headOrder", JSON.valueToTree(o.heads()));
            node.set("neuronOrder", JSON.valueToTree(o.neurons()));
        });
        return node;
    }

    /** The row of the candidate at {@code rank} (1 = best), its masks as ranges whatever the format. */
    public ObjectNode row(int rank) {
        return row(rank, MaskFormat.RANGES);
    }

    private ObjectNode row(int rank, MaskFormat rowFormat) {
        ScoredCandidate c = ranked.get(rank - 1);
        ObjectNode row = JSON.createObjectNode();
        row.put("rank", rank);
        row.put("id", c.id());
        row.put("score", c.score());
        row.put("macs", c.macs());
        row.put("params", c.params());
        row.put("totalParams", c.params() + fixedParams);
        row.put("macsRatio", ratio(c.macs(), denseMacs));
        row.put("paramsRatio", ratio(c.params(), denseParams));
        row.put("budgetCost", c.budgetCost());
        row.set("masks", rowFormat == MaskFormat.RANGES ? masks(c.mask()) : counts(c.mask()));
        return row;
    }

    /** The mask as per-layer counts only, for {@link MaskFormat#ORDER}. */
    private static ObjectNode counts(PruningMask mask) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode headCounts = node.putArray("keptHeads");
        ArrayNode neuronCounts = node.putArray("keptNeurons");
        for (int l = 0; l < mask.layerCount(); l++) {
            headCounts.add(mask.heads(l).count());
            neuronCounts.add(mask.neurons(l).count());
        }
        return node;
    }

    /** The mask as per-layer counts and ranges. */
    public static ObjectNode masks(PruningMask mask) {
        ObjectNode node = counts(mask);
        ArrayNode heads = node.putArray("heads");
        ArrayNode neurons = node.putArray("neurons");
        for (int l = 0; l < mask.layerCount(); l++) {
            heads.add(UnitRanges.format(mask.heads(l)));
            neurons.add(UnitRanges.format(mask.neurons(l)));
        }
        return node;
    }

    private static double ratio(long value, long dense) {
        return dense == 0 ? 0 : Math.round(value * 1e6 / dense) / 1e6;
    }

    /** Writes {@code ranking.json} into {@code directory}: the header's sections, then {@code candidates}. */
    public void writeJson(Path directory) {
        AtomicFiles.write(directory.resolve("ranking.json"), target -> {
            try (BufferedWriter out = open(target);
                    JsonGenerator json = JSON.getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
                json.setCodec(JSON);
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> field : header.properties()) {
                    json.writeFieldName(field.getKey());
                    json.writeTree(field.getValue());
                }
                json.writeArrayFieldStart("candidates");
                for (int rank = 1; rank <= ranked.size(); rank++) {
                    json.writeTree(row(rank, format));
                }
                json.writeEndArray();
                json.writeEndObject();
                json.flush();
                out.write('\n');
            }
        });
    }

    /**
     * Writes {@code ranking.csv} into {@code directory}: one row per candidate, kept counts per layer
     * joined by {@code ;} and, in the ranges format, masks as ranges joined by {@code |}.
     */
    public void writeCsv(Path directory) {
        AtomicFiles.write(directory.resolve("ranking.csv"), target -> {
            try (BufferedWriter out = open(target)) {
                out.write("rank,id,score,macs,params,total_params,macs_ratio,params_ratio,kept_heads,kept_neurons"
                        + (format == MaskFormat.RANGES ? ",head_mask,neuron_mask\n" : "\n"));
                StringBuilder line = new StringBuilder();
                for (int rank = 1; rank <= ranked.size(); rank++) {
                    line.setLength(0);
                    appendCsvRow(line, rank, ranked.get(rank - 1));
                    out.append(line);
                }
            }
        });
    }

    private static BufferedWriter open(Path target) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8),
                BUFFER_CHARS);
    }

    private void appendCsvRow(StringBuilder line, int rank, ScoredCandidate c) {
        PruningMask mask = c.mask();
        line.append(rank).append(',').append(c.id()).append(',').append(c.score()).append(',').append(c.macs())
                .append(',').append(c.params()).append(',').append(c.params() + fixedParams).append(',')
                .append(String.format(Locale.ROOT, "%.6f", ratio(c.macs(), denseMacs))).append(',')
                .append(String.format(Locale.ROOT, "%.6f", ratio(c.params(), denseParams))).append(',');
        perLayer(line, mask, ";", l -> mask.heads(l).count());
        line.append(',');
        perLayer(line, mask, ";", l -> mask.neurons(l).count());
        if (format == MaskFormat.ORDER) {
            line.append('\n');
            return;
        }
        line.append(",\"");
        perLayer(line, mask, "|", l -> UnitRanges.format(mask.heads(l)));
        line.append("\",\"");
        perLayer(line, mask, "|", l -> UnitRanges.format(mask.neurons(l)));
        line.append("\"\n");
    }

    private static void perLayer(StringBuilder line, PruningMask mask, String separator, IntFunction<Object> value) {
        for (int l = 0; l < mask.layerCount(); l++) {
            line.append(l > 0 ? separator : "").append(value.apply(l));
        }
    }
}
