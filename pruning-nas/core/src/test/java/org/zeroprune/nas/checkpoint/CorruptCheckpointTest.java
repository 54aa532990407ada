package org.zeroprune.nas.checkpoint;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.TinyBert;

/** Every kind of broken checkpoint is a {@link CheckpointException} naming the file, the tensor or key, and what was expected. */
class CorruptCheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path weights;
    Path config;

    @BeforeEach
    void writeValidCheckpoint() throws Exception {
        new TinyBert().write(dir);
        weights = dir.resolve("model.safetensors");
        config = dir.resolve("config.json");
    }

    @Test
    void truncatedFiles() throws Exception {
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, 5));
        expect("too short for the 8-byte header length", "model.safetensors");
        Files.write(weights, Arrays.copyOf(bytes, 100));
        expect("header length", "does not fit the file");
        Files.write(weights, Arrays.copyOf(bytes, bytes.length - 10));
        expect("out of range", "tensor '");
    }

    @Test
    void malformedHeaderJson() throws Exception {
        rewriteHeader(h -> "{\"a\": [1, 2");
        expect("header is not valid JSON");
        rewriteHeader(h -> "[1, 2, 3]");
        expect("header is a JSON array, expected a JSON object");
    }

    @Test
    void badEntries() throws Exception {
        rewriteEntry("embeddings.word_embeddings.weight", e -> e.put("dtype", "F42"));
        expect("tensor 'embeddings.word_embeddings.weight': unknown dtype 'F42'");
        writeValidCheckpoint();
        rewriteEntry("embeddings.LayerNorm.bias", e -> e.putArray("shape").add(17));
        expect("tensor 'embeddings.LayerNorm.bias': spans 64 bytes, but shape [17] of F32 needs 68");
        writeValidCheckpoint();
        rewriteEntry("embeddings.LayerNorm.bias", e -> e.putArray("data_offsets").add(10).add(2));
        expect("tensor 'embeddings.LayerNorm.bias': data_offsets [10, 2] out of range");
        writeValidCheckpoint();
        rewriteEntry("embeddings.LayerNorm.bias", e -> e.putArray("shape").add(-4));
        expect("expected a non-negative integer");
        writeValidCheckpoint();
        ObjectNode header = header();
        var bias = (ObjectNode) header.get("embeddings.LayerNorm.bias");
        var weight = (ObjectNode) header.get("embeddings.LayerNorm.weight");
        ((ObjectNode) header.get("embeddings.LayerNorm.weight")).set("data_offsets", bias.get("data_offsets").deepCopy());
        assertTrue(weight != null);
        writeHeader(header);
        expect("overlap; expected disjoint byte ranges");
    }

    @Test
    void missingTensorsAndShapesThatDisagreeWithTheConfig() throws Exception {
        var tensors = new java.util.ArrayList<>(SafetensorsReader.read(weights).tensors().values());
        tensors.removeIf(t -> t.name().equals("encoder.layer.1.output.dense.weight"));
        Path other = dir.resolve("other.safetensors");
        SafetensorsWriter.write(other, tensors, java.util.Map.of());
        Files.move(other, weights, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        expect("tensor 'encoder.layer.1.output.dense.weight' is missing; expected shape [16, 24] from config.json");
        writeValidCheckpoint();
        ObjectNode c = (ObjectNode) JSON.readTree(config.toFile());
        c.put("intermediate_size", 32);
        Files.writeString(config, c.toString());
        expect("tensor 'encoder.layer.0.intermediate.dense.weight' has shape [24, 16]; config.json implies [32, 16]");
    }

    @Test
    void nonFiniteWeights() throws Exception {
        byte[] bytes = Files.readAllBytes(weights);
        ObjectNode header = header();
        long start = 8 + ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long offset = header.get("encoder.layer.0.attention.self.key.weight").get("data_offsets").get(0).asLong();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat((int) (start + offset + 4 * 17), Float.NaN);
        Files.write(weights, bytes);
        expect("tensor 'encoder.layer.0.attention.self.key.weight' holds NaN at [1, 1] (shape [16, 16]); expected finite weights");
    }

    @Test
    void configFieldsMissingOrInconsistent() throws Exception {
        ObjectNode c = (ObjectNode) JSON.readTree(config.toFile());
        c.remove("hidden_size");
        Files.writeString(config, c.toString());
        expect("config.json", "key 'hidden_size' is missing; expected a positive integer");
        c.put("hidden_size", 16);
        c.put("num_attention_heads", 3);
        Files.writeString(config, c.toString());
        expect("hidden_size 16 is not divisible by num_attention_heads 3");
        c.put("num_attention_heads", "four");
        Files.writeString(config, c.toString());
        expect("key 'num_attention_heads' is \"four\"; expected a positive integer");
        c.put("num_attention_heads", 4);
        c.put("model_type", "xlm-roberta");
        Files.writeString(config, c.toString());
        expect("config.json", "model_type is 'xlm-roberta'; expected 'bert'");
        Files.writeString(config, "{ not json");
        expect("config.json", "not valid JSON");
        Files.delete(config);
        expect("config.json", "file not found");
    }

    @Test
    void missingWeightsFileSaysWhatIsExpected() throws Exception {
        Files.delete(weights);
        Files.writeString(dir.resolve("pytorch_model.bin"), "x");
        expect("no model.safetensors: only safetensors is supported");
    }

    private void expect(String... fragments) {
        CheckpointException e = assertThrows(CheckpointException.class, () -> BertCheckpoint.read(dir));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message: " + e.getMessage() + "\nexpected: " + fragment);
        }
    }

    private ObjectNode header() throws Exception {
        byte[] bytes = Files.readAllBytes(weights);
        return (ObjectNode) JSON.readTree(SafetensorsWriter.headerOf(bytes));
    }

    private void rewriteEntry(String name, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        ObjectNode header = header();
        edit.accept((ObjectNode) header.get(name));
        writeHeader(header);
    }

    private void writeHeader(ObjectNode header) throws Exception {
        rewriteHeader(old -> header.toString());
    }

    /** Replaces the header, keeping the data section. */
    private void rewriteHeader(java.util.function.UnaryOperator<String> edit) throws Exception {
        byte[] bytes = Files.readAllBytes(weights);
        long length = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] json = edit.apply(new String(bytes, 8, (int) length, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + bytes.length - 8 - (int) length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json).put(bytes, 8 + (int) length, bytes.length - 8 - (int) length);
        Files.write(weights, out.array());
    }
}
