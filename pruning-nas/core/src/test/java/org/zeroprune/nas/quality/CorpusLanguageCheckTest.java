package org.zeroprune.nas.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.spi.context.SpecialTokens;

class CorpusLanguageCheckTest {
    private static final List<String> ENGLISH = Corpus.bundled().sentences();

    @Test
    void theEmbeddedEnglishModelReadsTheShippedCorpus() {
        CorpusLanguageCheck check = check(EmbeddedEncoder.tokenizer());
        assertFalse(check.fails(), check.toString());
        assertTrue(check.unknownShare() < 0.01 && check.tokensPerWord() < 1.6, check.toString());
        assertTrue(check.warning().isEmpty() && check.json().isEmpty());
    }

    @Test
    void aVocabularyThatSpellsEnglishLetterByLetterFails(@TempDir Path dir) throws IOException {
        // a Chinese-style vocabulary: CJK characters, and English only as single letters and ## letters
        List<String> vocab = new ArrayList<>(List.of("的", "是", "中", "文", ".", ","));
        for (char c = 'a'; c <= 'z'; c++) {
            vocab.add(String.valueOf(c));
            vocab.add("##" + c);
        }
        try (BertTokenizer tokenizer = BertTokenizer.open(tinyTokenizer(dir, vocab), 128)) {
            CorpusLanguageCheck check = check(tokenizer);
            assertTrue(check.fails() && check.tokensPerWord() > 3, check.toString());
            String warning = check.warning().orElseThrow();
            assertTrue(warning.contains("--corpus FILE") && !warning.contains("\n"), warning);
            assertEquals(CorpusLanguageCheck.JSON_KEY, "corpusLanguageWarning");
            assertEquals(warning, check.json().orElseThrow().path("message").asText());
        }
    }

    @Test
    void aVocabularyWithoutEnglishFailsOnUnknownTokens(@TempDir Path dir) throws IOException {
        try (BertTokenizer tokenizer = BertTokenizer.open(tinyTokenizer(dir, List.of("的", "是", "中", "文")), 128)) {
            CorpusLanguageCheck check = check(tokenizer);
            assertTrue(check.fails() && check.unknownShare() > 0.5, check.toString());
        }
    }

    @Test
    void countsContentTokensOnly() {
        SpecialTokens specials = new SpecialTokens(2, 3, 0, 1, 4);
        CorpusLanguageCheck check = CorpusLanguageCheck.of(List.of("two words", "one"),
                new int[][] {{2, 7, 1, 3}, {2, 1, 1, 3}}, specials);
        assertEquals(new CorpusLanguageCheck("builtin", 2, 3, 4, 3), check);
        assertEquals(0.75, check.unknownShare(), 1e-12);
    }

    @Test
    void aCorpusOfUnknownTokensOnlyIsRefusedNamingIt() {
        List<String> text = List.of("\u1230\u120b\u121d \u1260\u12a5\u1295", "\u12a0\u1208\u121d \u1235\u122b");
        BertTokenizer tokenizer = EmbeddedEncoder.tokenizer();
        CorpusLanguageCheck check = CorpusLanguageCheck.of("amharic.txt", text, tokenizer.encode(text),
                tokenizer.specialTokens());
        assertEquals(1.0, check.unknownShare(), 1e-12, check.toString());
        ZeroPruneException e = assertThrows(ZeroPruneException.class, check::requireReadable);
        assertTrue(e.getMessage().startsWith("the model's vocabulary cannot read corpus amharic.txt: 100% of its 4 tokens"
                + " are [UNK]"), e.getMessage());
        assertTrue(check(tokenizer).requireReadable().warning().isEmpty(), "the shipped corpus passes");
    }

    /** The figures for a real model: -Dzeroprune.language.tokenizer=DIR/tokenizer.json. */
    @Test
    @EnabledIfSystemProperty(named = "zeroprune.language.tokenizer", matches = ".+")
    void printsTheFiguresOfAGivenTokenizer() {
        try (BertTokenizer tokenizer = BertTokenizer.open(Paths.get(System.getProperty("zeroprune.language.tokenizer")),
                BertTokenizer.DEFAULT_MAX_LENGTH)) {
            CorpusLanguageCheck check = check(tokenizer);
            System.out.printf("%s: [UNK] %.4f, %.3f tokens per word, fails %s%n", System.getProperty(
                    "zeroprune.language.tokenizer"), check.unknownShare(), check.tokensPerWord(), check.fails());
        }
        System.out.printf("embedded: %s%n", check(EmbeddedEncoder.tokenizer()));
    }

    private static CorpusLanguageCheck check(BertTokenizer tokenizer) {
        return CorpusLanguageCheck.of(ENGLISH, tokenizer.encode(ENGLISH), tokenizer.specialTokens());
    }

    /** A WordPiece tokenizer.json with BERT's special tokens, lower-casing and pre-tokenizer. */
    private static Path tinyTokenizer(Path dir, List<String> words) throws IOException {
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        vocab.addAll(words);
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < vocab.size(); i++) {
            entries.append(i == 0 ? "" : ",").append('"').append(vocab.get(i)).append("\":").append(i);
        }
        String json = """
                {"version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
                 "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                                "strip_accents": null, "lowercase": true},
                 "pre_tokenizer": {"type": "BertPreTokenizer"},
                 "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
                 "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
                 "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                           "max_input_chars_per_word": 100, "vocab": {%s}}}
                """.formatted(entries);
        return Files.writeString(dir.resolve("tokenizer.json"), json);
    }
}
