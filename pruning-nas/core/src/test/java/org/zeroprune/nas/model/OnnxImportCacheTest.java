package org.zeroprune.nas.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertNames;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.nas.testing.PrivateCache;
import org.zeroprune.nas.testing.TokenizedTinyBert;

/** A model given as an .onnx file is imported into the cache once per content of the file and its tokenizer. */
class OnnxImportCacheTest {
    @TempDir
    Path dir;
    @RegisterExtension
    PrivateCache cache = new PrivateCache();

    /** {@code model.onnx} of a small random BERT, alone in its own directory. */
    private Path onnx(String name, long seed) throws Exception {
        BertCheckpoint bert = BertCheckpoint.read(TokenizedTinyBert.write(dir.resolve("bert-" + name), 64, seed));
        return OnnxExport.write(bert, Files.createDirectories(dir.resolve(name)));
    }

    @Test
    void aTokenizerAddedAfterTheFirstImportIsFoundAndTheErrorBeforeNamesTheUsersPath() throws Exception {
        Path onnx = onnx("user", 1);
        LoadedModel without = ModelSource.load(onnx.toString());
        assertFalse(without.checkpoint().tokenizer().isPresent());
        try (DjlModelRuntime runtime = new DjlModelRuntime()) {
            ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> runtime.tokenize(without, List.of("Hello.")));
            assertTrue(e.getMessage().startsWith(onnx.resolveSibling("tokenizer.json").toAbsolutePath() + ": not found"),
                    e.getMessage());
        }

        TokenizedTinyBert.writeTokenizer(onnx.resolveSibling("tokenizer.json"));
        LoadedModel with = ModelSource.load(onnx.toString());
        assertTrue(with.checkpoint().tokenizer().isPresent(), "the tokenizer added beside the .onnx file");
        try (DjlModelRuntime runtime = new DjlModelRuntime()) {
            assertEquals(1, runtime.tokenize(with, List.of("Hello.")).length);
        }
    }

    @Test
    void otherWeightsInTheSameFileAreImportedAgain() throws Exception {
        Path onnx = onnx("one", 1);
        float[] first = ModelSource.load(onnx.toString()).checkpoint().tensor(BertNames.WORD_EMBEDDINGS).toFloatArray();
        // same shapes (and names of the same length), so the same size; and the same modification time, as
        // a copy that keeps times (cp -p, rsync -a) or a file system with coarse times can leave
        Path other = onnx("two", 2);
        assertEquals(Files.size(onnx), Files.size(other));
        var time = Files.getLastModifiedTime(onnx);
        Files.copy(other, onnx, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(onnx, time);
        float[] second = ModelSource.load(onnx.toString()).checkpoint().tensor(BertNames.WORD_EMBEDDINGS).toFloatArray();
        assertFalse(Arrays.equals(first, second), "the cached import of the old weights was reused");
        assertArrayEquals(second, ModelSource.load(onnx("thr", 2).toString()).checkpoint().tensor(BertNames.WORD_EMBEDDINGS)
                .toFloatArray());
    }
}
