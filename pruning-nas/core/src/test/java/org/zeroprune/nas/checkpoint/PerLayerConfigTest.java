package org.zeroprune.nas.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.zeroprune.nas.testing.TinyBert;

/**
 * {@code per_layer_config}, transformers' per-layer convention: a pruned configuration carries every
 * layer's {@code intermediate_size} there, keyed by the layer's index as a string; zeroprune reads the
 * widths from it, and refuses one that contradicts {@code intermediate_sizes} or overrides what it cannot build.
 */
class PerLayerConfigTest {
    private static final Path FILE = Path.of("config.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPrunedConfigurationListsEveryLayersWidthInTransformersConvention() throws Exception {
        BertConfig dense = BertConfig.of(new TinyBert().config(), FILE);
        ObjectNode pruned = dense.prunedJson(List.of(Set.of(1), Set.of()), new int[] {10, 0});
        assertEquals(JSON.readTree("{\"0\": {\"intermediate_size\": 10}, \"1\": {\"intermediate_size\": 0}}"),
                pruned.get("per_layer_config"));
        BertConfig read = BertConfig.of(pruned, FILE);
        assertEquals(10, read.ffnWidth(0));
        assertEquals(0, read.ffnWidth(1));
        assertTrue(BertConfig.of(read.uniformJson(), FILE).ffnWidth(1) == 24, "uniform again without the per-layer keys");
    }

    @Test
    void widthsAreReadFromPerLayerConfigAlone() throws Exception {
        ObjectNode config = new TinyBert().config();
        config.set("per_layer_config", JSON.readTree("{\"01\": {\"intermediate_size\": 7}}"));
        BertConfig read = BertConfig.of(config, FILE);
        assertArrayEquals(new int[] {24, 7}, IntStream.range(0, 2).map(read::ffnWidth).toArray(),
                "layer 0 keeps the global intermediate_size");
    }

    @Test
    void contradictionsAndOverridesZeropruneCannotBuildAreRefusedNamingTheKey() throws Exception {
        ObjectNode contradicting = new TinyBert().config();
        contradicting.set("intermediate_sizes", JSON.readTree("[24, 8]"));
        contradicting.set("per_layer_config", JSON.readTree("{\"1\": {\"intermediate_size\": 9}}"));
        assertEquals(FILE + ": per_layer_config.1.intermediate_size is 9 but intermediate_sizes[1] is 8; expected the same"
                + " width", assertThrows(CheckpointException.class, () -> BertConfig.of(contradicting, FILE)).getMessage());

        ObjectNode skipping = new TinyBert().config();
        skipping.set("per_layer_config", JSON.readTree("{\"0\": {\"skip\": [\"mlp\"]}}"));
        assertTrue(assertThrows(CheckpointException.class, () -> BertConfig.of(skipping, FILE)).getMessage()
                .contains("per_layer_config.0 overrides 'skip'; zeroprune reads only 'intermediate_size' per layer"));

        ObjectNode noLayer = new TinyBert().config();
        noLayer.set("per_layer_config", JSON.readTree("{\"2\": {\"intermediate_size\": 3}}"));
        assertTrue(assertThrows(CheckpointException.class, () -> BertConfig.of(noLayer, FILE)).getMessage()
                .contains("per_layer_config has layer '2'; expected 0..1"));
    }
}
