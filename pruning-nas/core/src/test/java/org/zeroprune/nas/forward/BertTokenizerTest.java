package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.spi.context.SpecialTokens;

class BertTokenizerTest {

    @Test
    void specialTokensComeFromTheVocabulary() {
        assertEquals(new SpecialTokens(101, 102, 0, 100, 103), EmbeddedEncoder.tokenizer().specialTokens());
    }

    @Test
    void encodesWithClsAndSepWithoutPadding() {
        int[] ids = EmbeddedEncoder.tokenizer().encode("Hello world");
        assertArrayEquals(new int[] {101, 7592, 2088, 102}, ids);
    }

    @Test
    void truncatesToTheMaximumLength() {
        String longText = "word ".repeat(500);
        try (BertTokenizer tokenizer = BertTokenizer.open(
                EmbeddedEncoder.checkpoint().directory().resolve(BertCheckpoint.TOKENIZER), 16)) {
            int[] ids = tokenizer.encode(longText);
            assertEquals(16, ids.length);
            assertEquals(101, ids[0]);
            assertEquals(102, ids[15]);
            assertEquals(2, tokenizer.encode(List.of("a", "b c")).length);
        }
    }

    @Test
    void missingTokenizerNamesTheFile(@TempDir Path dir) {
        Path file = dir.resolve("tokenizer.json");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> BertTokenizer.open(file, 128));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void brokenTokenizerNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "{\"version\": ");
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> BertTokenizer.open(file, 128));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
