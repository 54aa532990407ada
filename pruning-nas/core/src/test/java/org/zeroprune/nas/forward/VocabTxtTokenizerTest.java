package org.zeroprune.nas.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;

/**
 * A checkpoint with only {@code vocab.txt} (older HF BERT checkpoints) tokenizes exactly as the
 * {@code tokenizer.json} HF made from the same vocabulary: the embedded model's vocabulary is
 * written out as a vocab.txt and both routes must give the same ids.
 */
class VocabTxtTokenizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SENTENCES = List.of(
            "Hello world",
            "Café déjà vu: a naïve façade in São Paulo, Zürich and Ångström.",
            "Wait... what?! (Really) -- \"quoted\" 'single' #hashtag @user 50% of $3.14; a/b\\c {x} [y] <z>",
            "我爱北京天安门 and 東京タワー are in 中文 text 한국어 too",
            "Unknown words: qzxjvbwq, floccinaucinihilipilification, xyzzyplugh ☃ 🙂",
            "a".repeat(150) + " short " + "antidisestablishmentarianism".repeat(4),
            "McDonald's iPhone NASA eBay GPT-4 DeepMind McGregor MacBook",
            "[CLS] the [MASK] is [UNK] and [SEP] here [PAD]",
            "tabs\tand\nnewlines\r\nand\u0000control\u200bchars and  double  spaces",
            "ÉCOLE Élève ÆSIR œuvre ß Straße İstanbul",
            "");

    @TempDir
    Path dir;

    private static Path vocabCheckpoint(Path dir, String tokenizerConfig) throws IOException {
        return EmbeddedEncoder.vocabTxtCheckpoint(dir, tokenizerConfig);
    }

    private static List<int[]> ids(BertTokenizer tokenizer) {
        return SENTENCES.stream().map(tokenizer::encode).toList();
    }

    private static void assertSameIds(List<int[]> expected, List<int[]> actual) {
        for (int i = 0; i < SENTENCES.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "different ids for: " + SENTENCES.get(i));
        }
    }

    @Test
    void uncasedVocabTxtGivesTheIdsOfHuggingFacesTokenizerJson() throws IOException {
        BertCheckpoint checkpoint = BertCheckpoint.read(vocabCheckpoint(dir.resolve("ckpt"), "{\"do_lower_case\": true}"));
        List<int[]> expected;
        try (BertTokenizer original = BertTokenizer.open(EmbeddedEncoder.checkpoint().tokenizer().orElseThrow(), 128)) {
            expected = ids(original);
        }
        try (BertTokenizer built = BertTokenizer.forCheckpoint(checkpoint, 128)) {
            assertSameIds(expected, ids(built));
            assertEquals(EmbeddedEncoder.tokenizer().specialTokens(), built.specialTokens());
        }
        assertEquals("vocab.txt (built: lowercase, strip accents)", checkpoint.tokenizerDescription());
        assertFalse(Files.exists(dir.resolve("ckpt").resolve(BertCheckpoint.TOKENIZER)), "the user's directory is not written");
    }

    @Test
    void missingTokenizerConfigMeansHuggingFacesDefaultsWhichAreUncased() throws IOException {
        BertCheckpoint checkpoint = BertCheckpoint.read(vocabCheckpoint(dir.resolve("ckpt"), null));
        try (BertTokenizer built = BertTokenizer.forCheckpoint(checkpoint, 128)) {
            assertSameIds(ids(EmbeddedEncoder.tokenizer()), ids(built));
        }
    }

    @Test
    void casedConfigKeepsCaseAndAccentsAsHuggingFaceWould() throws IOException {
        String config = "{\"do_lower_case\": false, \"unk_token\": {\"__type\": \"AddedToken\", \"content\": \"[UNK]\"},"
                + " \"model_max_length\": 512}";
        BertCheckpoint checkpoint = BertCheckpoint.read(vocabCheckpoint(dir.resolve("ckpt"), config));
        // the reference: HF's own tokenizer.json with the normalizer's lowercase switched off, as the converter does
        ObjectNode reference = (ObjectNode) JSON.readTree(EmbeddedEncoder.checkpoint().tokenizer().orElseThrow().toFile());
        ((ObjectNode) reference.get("normalizer")).put("lowercase", false);
        Path referenceFile = dir.resolve("cased-tokenizer.json");
        JSON.writeValue(referenceFile.toFile(), reference);
        try (BertTokenizer expected = BertTokenizer.open(referenceFile, 128);
                BertTokenizer built = BertTokenizer.forCheckpoint(checkpoint, 128)) {
            assertSameIds(ids(expected), ids(built));
            assertFalse(Arrays.equals(built.encode("Hello World"), built.encode("hello world")), "case is kept");
            assertFalse(Arrays.equals(built.encode("café"), built.encode("cafe")), "accents are kept");
        }
        assertEquals("vocab.txt (built: cased, keep accents)", checkpoint.tokenizerDescription());
    }

    @Test
    void aCheckpointWithNeitherFileNamesBoth() throws IOException {
        Path ckpt = vocabCheckpoint(dir.resolve("ckpt"), null);
        Files.delete(ckpt.resolve("vocab.txt"));
        BertCheckpoint checkpoint = BertCheckpoint.read(ckpt);
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> BertTokenizer.forCheckpoint(checkpoint, 128));
        assertTrue(e.getMessage().contains("tokenizer.json") && e.getMessage().contains("vocab.txt"), e.getMessage());
        assertEquals("none", checkpoint.tokenizerDescription());
    }

    @Test
    void aVocabularyWithoutTheUnknownTokenIsRefusedNamingTheFile() throws IOException {
        Path ckpt = vocabCheckpoint(dir.resolve("ckpt"), "{\"unk_token\": \"<unk>\"}");
        BertCheckpoint checkpoint = BertCheckpoint.read(ckpt);
        ZeroPruneException e = assertThrows(ZeroPruneException.class, () -> BertTokenizer.forCheckpoint(checkpoint, 128));
        assertTrue(e.getMessage().startsWith(ckpt.resolve("vocab.txt") + ": has no token '<unk>'"), e.getMessage());
    }
}
