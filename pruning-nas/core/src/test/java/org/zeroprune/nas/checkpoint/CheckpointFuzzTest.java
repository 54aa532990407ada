package org.zeroprune.nas.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.testing.TinyBert;

/**
 * Seeded random mutations of a valid {@code model.safetensors} and of a valid {@code config.json}:
 * each must be read correctly or rejected with a {@link CheckpointException}, never another
 * exception, an out-of-memory error or a hang.
 */
class CheckpointFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MUTATIONS = 1200;

    @TempDir
    Path dir;

    @Test
    void mutatedSafetensorsFilesAreReadOrRejectedWithTheTypedException() throws Exception {
        new TinyBert().write(dir);
        byte[] valid = Files.readAllBytes(dir.resolve("model.safetensors"));
        SplittableRandom random = new SplittableRandom(20261128);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < MUTATIONS; i++) {
            String[] kind = new String[1];
            byte[] mutated = mutateSafetensors(valid, random, kind);
            Files.write(dir.resolve("model.safetensors"), mutated);
            outcomes.merge(kind[0] + " -> " + read(i, kind[0]), 1, Integer::sum);
        }
        report("safetensors", outcomes);
    }

    @Test
    void mutatedConfigFilesAreReadOrRejectedWithTheTypedException() throws Exception {
        TinyBert tiny = new TinyBert();
        tiny.write(dir);
        ObjectNode valid = tiny.config();
        SplittableRandom random = new SplittableRandom(42);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < MUTATIONS; i++) {
            String[] kind = new String[1];
            Files.write(dir.resolve("config.json"), mutateConfig(valid, random, kind));
            outcomes.merge(kind[0] + " -> " + read(i, kind[0]), 1, Integer::sum);
        }
        report("config.json", outcomes);
    }

    private String read(int i, String kind) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                BertCheckpoint.read(dir);
                return "read";
            } catch (CheckpointException e) {
                return "rejected";
            } catch (Throwable t) {
                fail("mutation #" + i + " (" + kind + ") ended in " + t, t);
                return "failed";
            }
        }, "mutation #" + i + " (" + kind + ") hung");
    }

    private static void report(String what, Map<String, Integer> outcomes) {
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("fuzz " + what + ": " + total + " mutated inputs");
        outcomes.forEach((k, v) -> System.out.printf("  %-40s %5d%n", k, v));
        assertEquals(MUTATIONS, total);
    }

    private static byte[] mutateSafetensors(byte[] valid, SplittableRandom r, String[] kind) throws Exception {
        int headerLength = (int) ByteBuffer.wrap(valid, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        byte[] out = valid.clone();
        switch (r.nextInt(8)) {
            case 0 -> {
                kind[0] = "flip bytes anywhere";
                for (int n = 1 + r.nextInt(8); n > 0; n--) {
                    out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            case 1 -> {
                kind[0] = "flip bytes in header";
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    out[8 + r.nextInt(headerLength)] = (byte) r.nextInt(256);
                }
            }
            case 2 -> {
                kind[0] = "truncate";
                out = Arrays.copyOf(valid, r.nextInt(valid.length));
            }
            case 3 -> {
                kind[0] = "header length";
                long[] choices = {0, 1, headerLength - 1, headerLength + 1, valid.length, Long.MAX_VALUE, -1,
                        r.nextLong(), 1L << 40};
                ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(0, choices[r.nextInt(choices.length)]);
            }
            case 4, 5 -> {
                kind[0] = "header entry";
                ObjectNode header = (ObjectNode) JSON.readTree(new String(valid, 8, headerLength, StandardCharsets.UTF_8));
                mutateEntry(header, r);
                out = withHeader(valid, headerLength, header.toString().getBytes(StandardCharsets.UTF_8));
            }
            case 6 -> {
                kind[0] = "append garbage";
                byte[] extra = new byte[1 + r.nextInt(64)];
                r.nextBytes(extra);
                out = concat(valid, extra);
            }
            default -> {
                kind[0] = "insert bytes";
                int at = r.nextInt(valid.length);
                byte[] extra = new byte[1 + r.nextInt(16)];
                r.nextBytes(extra);
                out = concat(concat(Arrays.copyOf(valid, at), extra), Arrays.copyOfRange(valid, at, valid.length));
            }
        }
        return out;
    }

    private static void mutateEntry(ObjectNode header, SplittableRandom r) {
        List<String> names = new ArrayList<>();
        header.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        JsonNode[] odd = {NODES.textNode("x"), NODES.numberNode(-1), NODES.numberNode(1e300), NODES.nullNode(),
                NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(2.5),
                NODES.booleanNode(true)};
        if (name.equals("__metadata__")) {
            ((ObjectNode) header.get(name)).set("format", odd[r.nextInt(odd.length)]);
            return;
        }
        ObjectNode entry = (ObjectNode) header.get(name);
        switch (r.nextInt(7)) {
            case 0 -> entry.put("dtype", List.of("F32", "F16", "BF16", "I64", "U8", "F64", "Q4", "").get(r.nextInt(8)));
            case 1 -> {
                ArrayNode shape = entry.putArray("shape");
                for (int n = r.nextInt(4); n > 0; n--) {
                    shape.add(r.nextInt(5) == 0 ? Integer.MAX_VALUE : r.nextInt(40) - 2);
                }
            }
            case 2 -> {
                ArrayNode offsets = entry.putArray("data_offsets");
                long a = r.nextInt(5) == 0 ? Long.MAX_VALUE - r.nextInt(10) : r.nextInt(40000) - 10;
                offsets.add(a).add(a + r.nextInt(5000) - 100);
            }
            case 3 -> entry.remove(List.of("dtype", "shape", "data_offsets").get(r.nextInt(3)));
            case 4 -> entry.set(List.of("dtype", "shape", "data_offsets").get(r.nextInt(3)), odd[r.nextInt(odd.length)]);
            case 5 -> header.set(name, odd[r.nextInt(odd.length)]);
            default -> header.set(name + (r.nextBoolean() ? "" : ".copy"), entry.deepCopy());
        }
    }

    private static byte[] mutateConfig(ObjectNode valid, SplittableRandom r, String[] kind) {
        ObjectNode c = valid.deepCopy();
        List<String> keys = new ArrayList<>();
        c.fieldNames().forEachRemaining(keys::add);
        keys.add("pruned_heads");
        keys.add("intermediate_sizes");
        String key = keys.get(r.nextInt(keys.size()));
        JsonNode[] values = {NODES.textNode("12"), NODES.numberNode(0), NODES.numberNode(-3), NODES.numberNode(1e12),
                NODES.numberNode(12.5), NODES.nullNode(), NODES.arrayNode().add(1).add(2), NODES.objectNode().put("0", 1),
                NODES.numberNode(3), NODES.numberNode(1 + r.nextInt(64)), NODES.booleanNode(false),
                NODES.objectNode().set("1", NODES.arrayNode().add(r.nextInt(6) - 1)),
                NODES.arrayNode().add(24).add(r.nextInt(30) - 2)};
        switch (r.nextInt(4)) {
            case 0 -> {
                kind[0] = "remove a key";
                c.remove(key);
            }
            case 1 -> {
                kind[0] = "odd value";
                c.set(key, values[r.nextInt(values.length)]);
            }
            case 2 -> {
                kind[0] = "flip text bytes";
                byte[] text = c.toString().getBytes(StandardCharsets.UTF_8);
                for (int n = 1 + r.nextInt(3); n > 0; n--) {
                    text[r.nextInt(text.length)] = (byte) (32 + r.nextInt(95));
                }
                return text;
            }
            default -> {
                kind[0] = "truncate text";
                byte[] text = c.toString().getBytes(StandardCharsets.UTF_8);
                return Arrays.copyOf(text, r.nextInt(text.length));
            }
        }
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withHeader(byte[] valid, int oldLength, byte[] json) {
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + valid.length - 8 - oldLength).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json).put(valid, 8 + oldLength, valid.length - 8 - oldLength);
        return out.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
