package org.zeroprune.nas.prune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zeroprune.nas.quality.CorpusLanguageCheck;

/**
 * What a prune run reports: {@code summary.json}, the console's summary and {@link PruneResult}
 * all come from this. {@link #toJson} writes the keys in this record's order, leaving out what is
 * empty, so that the same run writes the same file.
 *
 * @param export what the export step measured; all empty without an export
 * @param model the model pruned, described
 * @param tokenizer where its tokenizer came from
 * @param strategy the scoring strategy's name
 * @param strategySource the jar or directory it came from
 * @param search the search strategy's name
 * @param budget kind and ratio, as {@code flops 0.6}
 * @param sequenceLengthNote why costs use another sequence length than configured, if they do
 * @param budgetMet whether every ranked candidate fits the budget
 * @param candidates how many candidates were ranked
 * @param bestScore the best score
 * @param exportRank the rank of the chosen candidate, from 1
 * @param chosenScore its score
 * @param chosenMacsRatio its MACs over the dense model's
 * @param chosenParamsRatio its encoder parameters over the dense model's
 * @param chosenTotalParams its parameters in all (embeddings included)
 * @param denseTotalParams the dense model's parameters in all
 * @param exportedModel the checkpoint directory written, if any (absolute)
 * @param seconds per phase, in order; {@code summary.json} has those up to its assembly
 * @param machine where it ran
 * @param warnings said to the user (an empty model, for example)
 * @param exportedOnnx the {@code model.onnx} written, if any (absolute)
 * @param unitOrder what unit selection resolved to: {@code importance of NAME} or {@code random}
 * @param corpusLanguageWarning the corpus-language check's warning, if it gave one
 * @param fidelity the chosen model's fidelity, if measured
 * @param sts the chosen model's STS, if measured
 */
public record PruneSummary(Export export, String model, String tokenizer, String strategy, String strategySource,
        String search, String budget, Optional<String> sequenceLengthNote, boolean budgetMet, int candidates,
        double bestScore, int exportRank, double chosenScore, double chosenMacsRatio, double chosenParamsRatio,
        long chosenTotalParams, long denseTotalParams, Optional<Path> exportedModel, Map<String, Double> seconds,
        Machine machine, List<String> warnings, Optional<Path> exportedOnnx, String unitOrder,
        Optional<JsonNode> corpusLanguageWarning, Optional<Fidelity> fidelity, Optional<Sts> sts) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the seconds (keeping their order) and the warnings. */
    public PruneSummary {
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
        warnings = List.copyOf(warnings);
    }

    /**
     * What the export step reported, as the steps that measured it wrote it.
     *
     * @param reconstruction the reconstruction's report (level, calibration, objective, seconds)
     * @param rerank per candidate tried by the rerank, its validation fidelity
     * @param latency dense against pruned in PyTorch
     * @param onnxLatency dense against pruned {@code model.onnx} in ONNX Runtime
     * @param int8 {@code model_qint8.onnx}: file, sizes, weight form, the CPU's int8 instruction set and its
     *     latency against the dense float model, if written
     */
    public record Export(Optional<ObjectNode> reconstruction, Optional<ArrayNode> rerank, Optional<ObjectNode> latency,
            Optional<ObjectNode> onnxLatency, Optional<ObjectNode> int8) {
        /** Nothing exported. */
        public static final Export NONE = new Export(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The machine: cores, operating system and architecture, Java version. */
    public record Machine(int cores, String os, String java) {
        /** This JVM's. */
        public static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));
        }
    }

    /**
     * The chosen model's mean cosine to the dense model.
     *
     * @param fidelity of the model as exported, or of the cut when nothing was exported
     * @param cutFidelity of the plain cut
     * @param exported whether {@code fidelity} is an exported model's
     * @param sentences how many sentences of the corpus's evaluation part
     * @param corpus the corpus
     */
    public record Fidelity(double fidelity, double cutFidelity, boolean exported, int sentences, String corpus) {
    }

    /**
     * STS Spearman ×100 of the dense model, of the model as exported and of the plain cut.
     *
     * @param file the STS file
     * @param pairs its sentence pairs
     * @param pruned of the model as exported, or of the cut when nothing was exported
     * @param exported whether {@code pruned} is an exported model's
     */
    public record Sts(String file, int pairs, double dense, double pruned, double cut, boolean exported) {
    }

    /** The same with other seconds. */
    public PruneSummary withSeconds(Map<String, Double> other) {
        return new PruneSummary(export, model, tokenizer, strategy, strategySource, search, budget, sequenceLengthNote,
                budgetMet, candidates, bestScore, exportRank, chosenScore, chosenMacsRatio, chosenParamsRatio,
                chosenTotalParams, denseTotalParams, exportedModel, other, machine, warnings, exportedOnnx, unitOrder,
                corpusLanguageWarning, fidelity, sts);
    }

    /** The same with the chosen model's quality. */
    public PruneSummary withQuality(Optional<Fidelity> measuredFidelity, Optional<Sts> measuredSts) {
        return new PruneSummary(export, model, tokenizer, strategy, strategySource, search, budget, sequenceLengthNote,
                budgetMet, candidates, bestScore, exportRank, chosenScore, chosenMacsRatio, chosenParamsRatio,
                chosenTotalParams, denseTotalParams, exportedModel, seconds, machine, warnings, exportedOnnx, unitOrder,
                corpusLanguageWarning, measuredFidelity, measuredSts);
    }

    /** As {@code summary.json} holds it; a new node each call. */
    public ObjectNode toJson() {
        ObjectNode s = JSON.createObjectNode();
        export.reconstruction().ifPresent(r -> s.set("reconstruction", r));
        export.rerank().ifPresent(r -> s.set("rerank", r));
        export.latency().ifPresent(l -> s.set("latency", l));
        export.onnxLatency().ifPresent(l -> s.set("onnxLatency", l));
        export.int8().ifPresent(q -> s.set("int8", q));
        s.put("model", model);
        s.put("tokenizer", tokenizer);
        s.put("strategy", strategy);
        s.put("strategySource", strategySource);
        s.put("search", search);
        s.put("budget", budget);
        sequenceLengthNote.ifPresent(note -> s.put("sequenceLengthNote", note));
        s.put("budgetMet", budgetMet);
        s.put("candidates", candidates);
        s.put("bestScore", bestScore);
        s.put("exportRank", exportRank);
        s.put("chosenScore", chosenScore);
        s.put("chosenMacsRatio", chosenMacsRatio);
        s.put("chosenParamsRatio", chosenParamsRatio);
        s.put("chosenTotalParams", chosenTotalParams);
        s.put("denseTotalParams", denseTotalParams);
        exportedModel.ifPresent(p -> s.put("exportedModel", p.toString()));
        ObjectNode phases = s.putObject("seconds");
        seconds.forEach(phases::put);
        // the nested records serialise as their components, in order
        s.set("machine", JSON.valueToTree(machine));
        if (!warnings.isEmpty()) {
            ArrayNode w = s.putArray("warnings");
            warnings.forEach(w::add);
        }
        exportedOnnx.ifPresent(p -> s.put("exportedOnnx", p.toString()));
        s.put("unitOrder", unitOrder);
        corpusLanguageWarning.ifPresent(w -> s.set(CorpusLanguageCheck.JSON_KEY, w));
        fidelity.ifPresent(f -> s.set("fidelity", JSON.valueToTree(f)));
        sts.ifPresent(t -> s.set("sts", JSON.valueToTree(t)));
        return s;
    }

    /** {@link #toJson}, pretty-printed, with the final newline of {@code summary.json}. */
    public String toJsonText() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary made of plain values cannot fail to serialise: " + e, e);
        }
    }
}
