package org.zeroprune.nas.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file larger than 2 GiB is read through memory mapping, each tensor mapped on its own: the test
 * writes a sparse 3.6 GB file (little real disk) whose last tensor starts beyond 2^31 bytes.
 */
class LargeSafetensorsTest {
    @Test
    void readsTensorsBeyondTwoGibibytesWithoutLoadingThemOnTheHeap(@TempDir Path dir) throws Exception {
        long elements = 300_000_000L; // 1.2 GB of F32 per tensor
        long bytes = elements * 4;
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[" + elements + "],\"data_offsets\":[0," + bytes + "]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[" + elements + "],\"data_offsets\":[" + bytes + "," + (2 * bytes) + "]},"
                + "\"c\":{\"dtype\":\"F32\",\"shape\":[" + elements + "],\"data_offsets\":[" + (2 * bytes) + ","
                + (3 * bytes) + "]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("big.safetensors");
        long dataStart = 8 + json.length;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).array());
            raf.write(json);
            raf.setLength(dataStart + 3 * bytes);
            raf.seek(dataStart + 3 * bytes - 4);
            raf.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(3.5f).array());
        }
        assertTrue(dataStart + 2 * bytes > (1L << 31), "the last tensor must start beyond 2 GiB");

        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        SafetensorsFile read = SafetensorsReader.read(file);
        long after = rt.totalMemory() - rt.freeMemory();

        Tensor b = read.tensors().get("c");
        assertEquals(elements, b.numel());
        assertEquals(3.5f, b.floats().get((int) elements - 1));
        assertEquals(0f, b.floats().get(0));
        assertTrue(after - before < 256L << 20, "reading mapped tensors should not fill the heap: " + (after - before));
    }
}
