package org.zeroprune.strategies.synthetic;

import java.util.SplittableRandom;
import org.zeroprune.spi.context.SpecialTokens;

/**
 * The layout of a generated sequence: {@code [CLS]} first and {@code [SEP]} last where the
 * tokenizer has them, content tokens in between, {@code length} tokens in all.
 *
 * @param length tokens per sequence
 * @param cls the id put first, or {@code -1} for none
 * @param sep the id put last, or {@code -1} for none
 */
record SequenceFrame(int length, int cls, int sep) {

    /** The frame for {@code length} tokens with the tokenizer's own special tokens. */
    static SequenceFrame of(int length, SpecialTokens specials) {
        return new SequenceFrame(length, specials.cls(), specials.sep());
    }

    /** Index of the first content position. */
    int firstContent() {
        return cls >= 0 ? 1 : 0;
    }

    /** Index after the last content position. */
    int endContent() {
        return sep >= 0 ? length - 1 : length;
    }

    /** {@code count} sequences whose content tokens are drawn independently from {@code prior}. */
    int[][] sample(TokenPrior prior, int count, SplittableRandom random) {
        int[][] out = new int[count][length];
        for (int[] sequence : out) {
            if (cls >= 0) {
                sequence[0] = cls;
            }
            if (sep >= 0) {
                sequence[length - 1] = sep;
            }
            for (int t = firstContent(); t < endContent(); t++) {
                sequence[t] = prior.draw(random);
            }
        }
        return out;
    }
}
