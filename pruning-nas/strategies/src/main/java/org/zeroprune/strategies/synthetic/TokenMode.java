package org.zeroprune.strategies.synthetic;

import java.util.Arrays;
import java.util.Locale;

/** How {@code synthetic-fidelity} makes its token sequences. */
public enum TokenMode {
    /** Every non-special id equally likely. */
    UNIFORM,
    /** Ids drawn from the embedding-norm prior of {@link TokenPrior#embeddingNorms}. */
    EMBEDDING,
    /** Embedding-prior sequences reshaped by the dense model itself, see {@link SelfShaping}. */
    SELF;

    /** The option word. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code word}. */
    public static TokenMode fromOptionName(String word) {
        return Arrays.stream(values()).filter(m -> m.optionName().equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no token mode '" + word + "'"));
    }

    /** Every option word, in declaration order. */
    public static String[] optionNames() {
        return Arrays.stream(values()).map(TokenMode::optionName).toArray(String[]::new);
    }

    /** Whether the mode reads the word-embedding matrix. */
    boolean usesEmbeddings() {
        return this != UNIFORM;
    }
}
