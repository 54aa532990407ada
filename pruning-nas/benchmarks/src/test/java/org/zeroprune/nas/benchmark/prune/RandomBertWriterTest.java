package org.zeroprune.nas.benchmark.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.DType;
import org.zeroprune.nas.importer.EmbeddedModel;

/** The random checkpoint carries the embedded model's tokenizer, and its vocabulary is the tokenizer's. */
class RandomBertWriterTest {

    @Test
    void writesTheTokenizerBesideTheWeightsAndSizesTheVocabularyToIt(@TempDir Path temp) throws Exception {
        Path tokenizer = EmbeddedModel.checkpointDirectory().resolve(BertCheckpoint.TOKENIZER);
        Path dir = temp.resolve("tiny");
        RandomBertWriter.write(dir, 2, 32, 2, 64, tokenizer, DType.F16, 1);
        assertTrue(RandomBertWriter.exists(dir));
        assertArrayEquals(Files.readAllBytes(tokenizer), Files.readAllBytes(dir.resolve(BertCheckpoint.TOKENIZER)));
        BertCheckpoint checkpoint = BertCheckpoint.read(dir);
        assertEquals(30522, checkpoint.config().vocabSize());
        assertEquals(dir.resolve(BertCheckpoint.TOKENIZER), checkpoint.tokenizer().orElseThrow());
    }

    @Test
    void aCheckpointWithoutTokenizerIsWrittenAgain(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("old");
        RandomBertWriter.write(dir, 1, 16, 2, 32, EmbeddedModel.checkpointDirectory().resolve(BertCheckpoint.TOKENIZER),
                DType.F32, 1);
        Files.delete(dir.resolve(BertCheckpoint.TOKENIZER));
        assertFalse(RandomBertWriter.exists(dir));
    }

    @Test
    void vocabularyCoversAddedTokensBeyondTheModelsVocabulary(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("tokenizer.json");
        Files.writeString(file, "{\"added_tokens\": [{\"id\": 7, \"content\": \"[X]\"}],"
                + " \"model\": {\"type\": \"WordPiece\", \"vocab\": {\"[PAD]\": 0, \"a\": 1, \"b\": 4}}}");
        assertEquals(8, RandomBertWriter.vocabularySize(file));
    }
}
