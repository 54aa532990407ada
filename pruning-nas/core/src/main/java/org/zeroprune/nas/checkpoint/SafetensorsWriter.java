package org.zeroprune.nas.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.zeroprune.nas.io.AtomicFiles;

/**
 * Writes tensors as a safetensors file, in name order, each in the dtype it was read as. The file
 * appears under its final name only when it is complete.
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1 << 20;

    private SafetensorsWriter() {
    }

    /**
     * Writes {@code tensors} to {@code file}, replacing it atomically.
     *
     * @param metadata strings stored under {@code __metadata__}
     */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) {
        List<Tensor> ordered = new ArrayList<>(tensors);
        ordered.sort(Comparator.comparing(Tensor::name));
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Tensor t : ordered) {
            long bytes = t.numel() * t.dtype().bytes();
            ObjectNode entry = header.putObject(t.name());
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerJson;
        try {
            headerJson = JSON.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int padded = (headerJson.length + 7) & ~7;
        AtomicFiles.write(file, target -> {
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer prefix = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
                prefix.putLong(padded).put(headerJson);
                while (prefix.hasRemaining()) {
                    prefix.put((byte) ' ');
                }
                writeFully(out, prefix.flip());
                for (Tensor t : ordered) {
                    writeData(out, t);
                }
                out.force(true);
            }
        });
    }

    private static void writeData(FileChannel out, Tensor t) throws IOException {
        if (!t.isFloat()) {
            writeFully(out, t.raw());
            return;
        }
        FloatBuffer values = t.floats();
        int width = t.dtype().bytes();
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        while (values.hasRemaining()) {
            int n = Math.min(values.remaining(), CHUNK / width);
            for (int i = 0; i < n; i++) {
                float v = values.get();
                switch (t.dtype()) {
                    case F16 -> chunk.putShort(HalfFloats.floatToF16(v));
                    case BF16 -> chunk.putShort(HalfFloats.floatToBf16(v));
                    default -> chunk.putFloat(v);
                }
            }
            writeFully(out, chunk.flip());
            chunk.clear();
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** The header JSON as text, for tests and error messages. */
    static String headerOf(byte[] file) {
        long length = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        return new String(file, 8, (int) length, StandardCharsets.UTF_8);
    }
}
