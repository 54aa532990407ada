package org.zeroprune.nas.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.runtime.ModelRuntime;
import org.zeroprune.spi.context.SpecialTokens;

/**
 * Whether a model's vocabulary reads a corpus (the shipped English one, or a user's file given for
 * calibration or evaluation), measured with the model's own tokenizer. Fidelity and {@code fisher} on the shipped corpus say little about a model of another
 * language: its tokenizer turns the English text into {@code [UNK]} or into many small pieces (a
 * Chinese BERT vocabulary spells most English words letter group by letter group), so neither the
 * ground truth nor the calibration is text the model was trained on.
 *
 * <p>Criterion: over the corpus, the share of content tokens (not {@code [CLS]}/{@code [SEP]}) that
 * are {@code [UNK]}, and the content tokens per whitespace-separated word. The shipped corpus
 * through the embedded model's English vocabulary (also e5's and bge-small-en's) gives 3 {@code [UNK]}
 * in 25,813 tokens and 1.24 tokens per word (punctuation is a token of its own); through
 * bge-small-zh-v1.5's Chinese vocabulary, 5.5% {@code [UNK]} and 1.83 tokens per word, most words
 * falling apart into pieces. The check fails when {@code [UNK]} is at least
 * {@value #MAX_UNKNOWN_SHARE} of the tokens or words average at least {@value #MAX_TOKENS_PER_WORD}
 * tokens. Tokens cut off by truncation are not counted. When nearly every token is {@code [UNK]}
 * (at least {@value #REFUSED_UNKNOWN_SHARE}), fidelity and calibration on the text would compare
 * embeddings of unknown tokens only, so {@link #requireReadable} refuses the corpus outright.
 *
 * @param corpus the corpus checked: {@code builtin}, or its file
 * @param sentences sentences checked
 * @param words their whitespace-separated words
 * @param tokens their content tokens
 * @param unknown content tokens that are {@code [UNK]}
 */
public record CorpusLanguageCheck(String corpus, int sentences, long words, long tokens, long unknown) {
    /** Share of {@code [UNK]} tokens from which the check fails. */
    public static final double MAX_UNKNOWN_SHARE = 0.25;
    /** Content tokens per word from which the check fails. */
    public static final double MAX_TOKENS_PER_WORD = 1.6;
    /** Share of {@code [UNK]} tokens from which the corpus is refused rather than warned about. */
    public static final double REFUSED_UNKNOWN_SHARE = 0.9;
    /** Key of the check in {@code evaluation.json} and {@code summary.json}. */
    public static final String JSON_KEY = "corpusLanguageWarning";

    private static final String BUILTIN = "builtin";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Counts over {@code sentences} and their token ids (with their special tokens, as the model's
     * tokenizer makes them).
     */
    public static CorpusLanguageCheck of(List<String> sentences, int[][] tokenIds, SpecialTokens specials) {
        return of(BUILTIN, sentences, tokenIds, specials);
    }

    /** Counts over {@code sentences} of {@code corpus} ({@code builtin} or a file) and their token ids. */
    public static CorpusLanguageCheck of(String corpus, List<String> sentences, int[][] tokenIds, SpecialTokens specials) {
        if (sentences.size() != tokenIds.length) {
            throw new IllegalArgumentException(sentences.size() + " sentences but " + tokenIds.length + " token rows");
        }
        long words = 0;
        long tokens = 0;
        long unknown = 0;
        for (int i = 0; i < tokenIds.length; i++) {
            String text = sentences.get(i).strip();
            words += text.isEmpty() ? 0 : text.split("\\s+").length;
            for (int id : tokenIds[i]) {
                if (id == specials.cls() || id == specials.sep() || id == specials.pad()) {
                    continue;
                }
                tokens++;
                unknown += id == specials.unk() ? 1 : 0;
            }
        }
        return new CorpusLanguageCheck(corpus, sentences.size(), words, tokens, unknown);
    }

    /**
     * The check of the shipped corpus with {@code model}'s tokenizer; empty when the runtime does
     * not run the model (its special tokens come from the forward pass).
     */
    public static Optional<CorpusLanguageCheck> ofBundled(ModelRuntime runtime, LoadedModel model) {
        return ofCorpus(runtime, model, BUILTIN);
    }

    /**
     * The check of {@code corpus} ({@code builtin} or a file) with {@code model}'s tokenizer; empty when
     * the runtime does not run the model.
     */
    public static Optional<CorpusLanguageCheck> ofCorpus(ModelRuntime runtime, LoadedModel model, String corpus) {
        return runtime.forward(model).map(forward -> {
            List<String> sentences = (corpus.equals(BUILTIN) ? Corpus.bundled() : Corpus.read(Path.of(corpus))).sentences();
            return of(corpus, sentences, runtime.tokenize(model, sentences), forward.specialTokens());
        });
    }

    /**
     * This check, if the vocabulary reads at least some of the text.
     *
     * @throws ZeroPruneException naming the corpus when nearly every token is {@code [UNK]}, or there is no token
     */
    public CorpusLanguageCheck requireReadable() {
        if (tokens == 0) {
            // the tokenizer drops what it cannot normalise (control and private-use characters): nothing is left
            throw new ZeroPruneException("the model's tokenizer makes no token of " + describe() + " (" + sentences
                    + " sentences): its text is characters the tokenizer removes; pass a corpus in the model's"
                    + " language (--corpus FILE, one sentence per line)");
        }
        if (unknownShare() >= REFUSED_UNKNOWN_SHARE) {
            throw new ZeroPruneException(String.format(Locale.ROOT, "the model's vocabulary cannot read %s: %.0f%% of its"
                    + " %d tokens are [UNK], so fidelity and calibration on it would compare unknown tokens only; pass a"
                    + " corpus in the model's language (--corpus FILE, one sentence per line)", describe(),
                    100 * unknownShare(), tokens));
        }
        return this;
    }

    private String describe() {
        return corpus.equals(BUILTIN) ? "the shipped English corpus" : "corpus " + corpus;
    }

    /** Share of content tokens that are {@code [UNK]}. */
    public double unknownShare() {
        return tokens == 0 ? 0.0 : (double) unknown / tokens;
    }

    /** Content tokens per word. */
    public double tokensPerWord() {
        return words == 0 ? 0.0 : (double) tokens / words;
    }

    /** Whether the vocabulary does not read the text (see the class comment). */
    public boolean fails() {
        return unknownShare() >= MAX_UNKNOWN_SHARE || tokensPerWord() >= MAX_TOKENS_PER_WORD;
    }

    /** The one-line warning, if the check fails. */
    public Optional<String> warning() {
        if (!fails()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the model's vocabulary does not read " + describe()
                + " (%.0f%% of its tokens are [UNK], %.1f tokens per word; an English vocabulary gives 0%% and 1.2):"
                + " fidelity and fisher on it do not measure this model; pass a corpus in the model's language"
                + " (--corpus FILE, one sentence per line)", 100 * unknownShare(), tokensPerWord()));
    }

    /** The figures and the warning, for the JSON outputs; empty when the check passes. */
    public Optional<ObjectNode> json() {
        return warning().map(message -> {
            ObjectNode node = JSON.createObjectNode();
            node.put("message", message);
            node.put("corpus", corpus);
            node.put("unknownTokenShare", unknownShare());
            node.put("tokensPerWord", tokensPerWord());
            node.put("sentences", sentences);
            return node;
        });
    }
}
