package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors file: an 8-byte little-endian header length, a JSON header, then the data.
 *
 * <p>Every claim of the header is checked against the file before any data is touched: offsets in
 * range and not overlapping, a byte span equal to shape times element size, known dtypes. F32
 * tensors are memory-mapped, not copied, so a checkpoint of any size (beyond 2 GiB too) costs
 * little heap; F16 and BF16 tensors are converted to 32-bit floats in direct (off-heap) buffers.
 */
public final class SafetensorsReader {
    /** Largest header accepted; the reference implementation uses the same bound. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsReader() {
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws CheckpointException naming the file, the tensor and what is wrong
     */
    public static SafetensorsFile read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, channel);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, "file not found");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static SafetensorsFile read(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw new CheckpointException(file, "file is " + fileSize
                    + " bytes, too short for the 8-byte header length of a safetensors file");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0);
        long headerLength = lengthBytes.flip().getLong();
        if (headerLength < 2 || headerLength > fileSize - 8) {
            throw new CheckpointException(file, "header length " + Long.toUnsignedString(headerLength)
                    + " does not fit the file: expected 2.." + (fileSize - 8) + " bytes after the 8-byte prefix"
                    + " (truncated or not a safetensors file?)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new CheckpointException(file, "header length " + headerLength + " exceeds the limit of "
                    + MAX_HEADER_BYTES + " bytes");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, 8);
        JsonNode header = parseHeader(file, new String(headerBytes.array(), StandardCharsets.UTF_8));

        long dataStart = 8 + headerLength;
        long dataSize = fileSize - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("__metadata__")) {
                readMetadata(file, field.getValue(), metadata);
            } else {
                entries.add(parseEntry(file, field.getKey(), field.getValue(), dataSize));
            }
        }
        checkOverlaps(file, entries);
        checkCoverage(file, entries, dataSize);

        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Entry entry : entries) {
            tensors.put(entry.name, load(channel, dataStart, entry));
        }
        return new SafetensorsFile(file, Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
    }

    private static JsonNode parseHeader(Path file, String text) {
        JsonNode header;
        try {
            header = JSON.readTree(text.stripTrailing());
        } catch (JsonParseException e) {
            throw new CheckpointException(file, "header is not valid JSON: " + e.getOriginalMessage()
                    + " (expected an object of tensor entries)");
        } catch (IOException e) {
            throw new CheckpointException(file, "header is not valid JSON: " + e.getMessage());
        }
        if (header == null || !header.isObject()) {
            throw new CheckpointException(file, "header is " + (header == null ? "empty" : "a JSON "
                    + header.getNodeType().toString().toLowerCase()) + ", expected a JSON object of tensor entries");
        }
        return header;
    }

    private static void readMetadata(Path file, JsonNode node, Map<String, String> metadata) {
        if (!node.isObject()) {
            throw new CheckpointException(file, "__metadata__ is not an object of strings");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new CheckpointException(file, "__metadata__." + e.getKey() + " is " + e.getValue()
                        + ", expected a string");
            }
            metadata.put(e.getKey(), e.getValue().asText());
        });
    }

    private static Entry parseEntry(Path file, String name, JsonNode node, long dataSize) {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new CheckpointException(file, where + ": entry is " + node + ", expected an object with dtype, shape"
                    + " and data_offsets");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new CheckpointException(file, where + ": dtype is " + dtypeNode + ", expected a string such as \"F32\"");
        }
        DType dtype = DType.parse(dtypeNode.asText()).orElseThrow(() -> new CheckpointException(file, where
                + ": unknown dtype '" + dtypeNode.asText() + "', expected one of " + Arrays.toString(DType.values())));
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new CheckpointException(file, where + ": shape is " + shapeNode + ", expected an array of sizes");
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                throw new CheckpointException(file, where + ": shape " + shapeNode + " has dimension " + d
                        + ", expected a non-negative integer below 2^31");
            }
            shape[i] = d.asInt();
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
                || !offsets.get(1).canConvertToLong() || !offsets.get(0).isIntegralNumber()
                || !offsets.get(1).isIntegralNumber()) {
            throw new CheckpointException(file, where + ": data_offsets is " + offsets
                    + ", expected [begin, end] byte offsets");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin || end > dataSize) {
            throw new CheckpointException(file, where + ": data_offsets [" + begin + ", " + end
                    + "] out of range, expected 0 <= begin <= end <= " + dataSize + " (size of the data section)");
        }
        long numel;
        try {
            numel = Tensor.numel(shape);
            Math.multiplyExact(numel, (long) dtype.bytes());
        } catch (ArithmeticException e) {
            throw new CheckpointException(file, where + ": shape " + Arrays.toString(shape) + " is too large");
        }
        long expectedBytes = numel * dtype.bytes();
        if (end - begin != expectedBytes) {
            throw new CheckpointException(file, where + ": spans " + (end - begin) + " bytes, but shape "
                    + Arrays.toString(shape) + " of " + dtype + " needs " + expectedBytes);
        }
        if (numel > Integer.MAX_VALUE - 8) {
            throw new CheckpointException(file, where + ": " + numel + " elements in one tensor; at most "
                    + (Integer.MAX_VALUE - 8) + " are supported");
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static void checkOverlaps(Path file, List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong((Entry e) -> e.begin).thenComparingLong(e -> e.end));
        for (int i = 1; i < sorted.size(); i++) {
            Entry previous = sorted.get(i - 1);
            Entry current = sorted.get(i);
            if (current.begin < previous.end) {
                throw new CheckpointException(file, "tensors '" + previous.name + "' [" + previous.begin + ", "
                        + previous.end + ") and '" + current.name + "' [" + current.begin + ", " + current.end
                        + ") overlap; expected disjoint byte ranges");
            }
        }
        entries.clear();
        entries.addAll(sorted);
    }

    /** As the reference implementation requires: the tensors tile the data section, no gap, nothing after. */
    private static void checkCoverage(Path file, List<Entry> sorted, long dataSize) {
        long at = 0;
        for (Entry e : sorted) {
            if (e.begin != at) {
                throw new CheckpointException(file, "bytes [" + at + ", " + e.begin + ") of the data section belong to no"
                        + " tensor (before '" + e.name + "'); expected tensors to follow each other without gaps");
            }
            at = e.end;
        }
        if (at != dataSize) {
            throw new CheckpointException(file, (dataSize - at) + " bytes after the last tensor belong to no tensor;"
                    + " expected the data section to end with the last tensor (" + at + " bytes), found " + dataSize);
        }
    }

    private static Tensor load(FileChannel channel, long dataStart, Entry entry) throws IOException {
        long length = entry.end - entry.begin;
        ByteBuffer bytes = length == 0 ? ByteBuffer.allocate(0)
                : channel.map(FileChannel.MapMode.READ_ONLY, dataStart + entry.begin, length);
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        int numel = (int) Tensor.numel(entry.shape);
        return switch (entry.dtype) {
            case F32 -> Tensor.ofFloats(entry.name, DType.F32, entry.shape, bytes.asFloatBuffer());
            case F16 -> {
                FloatBuffer values = offHeapFloats(numel);
                for (int i = 0; i < numel; i++) {
                    values.put(i, HalfFloats.f16ToFloat(bytes.getShort(2 * i)));
                }
                yield Tensor.ofFloats(entry.name, DType.F16, entry.shape, values);
            }
            case BF16 -> {
                FloatBuffer values = offHeapFloats(numel);
                for (int i = 0; i < numel; i++) {
                    values.put(i, HalfFloats.bf16ToFloat(bytes.getShort(2 * i)));
                }
                yield Tensor.ofFloats(entry.name, DType.BF16, entry.shape, values);
            }
            default -> Tensor.ofRaw(entry.name, entry.dtype, entry.shape, bytes);
        };
    }

    /**
     * Converted 16-bit weights live outside the Java heap, like the mapped F32 ones, so that the
     * heap a checkpoint needs does not grow with its size (the process still holds 4 bytes per weight).
     */
    private static FloatBuffer offHeapFloats(int count) {
        return ByteBuffer.allocateDirect(4 * count).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + at);
            }
            at += n;
        }
    }

    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {
    }
}
