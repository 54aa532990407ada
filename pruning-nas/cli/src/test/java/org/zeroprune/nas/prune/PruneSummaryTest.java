package org.zeroprune.nas.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** summary.json's keys come in one fixed order, and what is empty is left out. */
class PruneSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PruneSummary summary(boolean full) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("load", 1.5);
        seconds.put("search", 0.25);
        ObjectNode node = JSON.createObjectNode().put("x", 1);
        PruneSummary.Export export = full ? new PruneSummary.Export(Optional.of(node), Optional.of(JSON.createArrayNode()),
                Optional.of(node), Optional.of(node), Optional.of(node)) : PruneSummary.Export.NONE;
        PruneSummary s = new PruneSummary(export, "m", "tokenizer.json", "params", "jar", "random", "flops 0.5",
                full ? Optional.of("note") : Optional.empty(), true, 3, 0.9, 1, 0.9, 0.5, 0.6, 70L, 100L,
                full ? Optional.of(Path.of("/out/model")) : Optional.empty(), seconds,
                new PruneSummary.Machine(2, "Linux amd64", "17"), full ? List.of("empty layer") : List.of(),
                full ? Optional.of(Path.of("/out/model/model.onnx")) : Optional.empty(), "random",
                full ? Optional.of(node) : Optional.empty(), Optional.empty(), Optional.empty());
        return full ? s.withQuality(Optional.of(new PruneSummary.Fidelity(0.8, 0.7, true, 10, "builtin")),
                Optional.of(new PruneSummary.Sts("sts.tsv", 5, 80, 70, 60, true))) : s;
    }

    private static List<String> keys(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void everyKeyInOrder() {
        assertEquals(List.of("reconstruction", "rerank", "latency", "onnxLatency", "int8", "model", "tokenizer", "strategy",
                "strategySource", "search", "budget", "sequenceLengthNote", "budgetMet", "candidates", "bestScore",
                "exportRank", "chosenScore", "chosenMacsRatio", "chosenParamsRatio", "chosenTotalParams",
                "denseTotalParams", "exportedModel", "seconds", "machine", "warnings", "exportedOnnx", "unitOrder",
                "corpusLanguageWarning", "fidelity", "sts"), keys(summary(true).toJson()));
        assertEquals(List.of("fidelity", "cutFidelity", "exported", "sentences", "corpus"),
                keys((ObjectNode) summary(true).toJson().get("fidelity")));
        assertEquals(List.of("file", "pairs", "dense", "pruned", "cut", "exported"),
                keys((ObjectNode) summary(true).toJson().get("sts")));
    }

    @Test
    void emptyPartsAreLeftOutAndSecondsKeepTheirOrder() {
        String text = summary(false).toJsonText();
        assertEquals(List.of("model", "tokenizer", "strategy", "strategySource", "search", "budget", "budgetMet",
                "candidates", "bestScore", "exportRank", "chosenScore", "chosenMacsRatio", "chosenParamsRatio",
                "chosenTotalParams", "denseTotalParams", "seconds", "machine", "unitOrder"),
                keys(summary(false).toJson()));
        assertTrue(text.contains("\"seconds\" : {\n    \"load\" : 1.5,\n    \"search\" : 0.25\n  }"), text);
        assertTrue(text.endsWith("}\n"), text);
        assertEquals(List.of("load"), keys((ObjectNode) summary(false).withSeconds(Map.of("load", 1.0)).toJson()
                .get("seconds")));
    }
}
