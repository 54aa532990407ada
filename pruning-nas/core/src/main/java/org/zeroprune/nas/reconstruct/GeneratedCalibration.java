package org.zeroprune.nas.reconstruct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import org.zeroprune.spi.context.SpecialTokens;

/**
 * Calibration token sequences made without any text, from the model's own vocabulary.
 *
 * <p>Definition. Content tokens are drawn independently from a Zipf prior over the vocabulary
 * order: the {@code r}-th word-piece token (in id order, skipping special tokens, single
 * characters and placeholders such as {@code [unused7]}) has probability proportional to
 * {@code 1 / (r + 10)}. Each sequence is {@code [CLS]}, a length drawn uniformly from
 * {@code [minLength, maxLength]} (special tokens included), then {@code [SEP]}. Where the vocabulary
 * has them, the last content token is a full stop and each other content token after the first is a
 * comma with probability {@value #COMMA_PROBABILITY}: sentences end with punctuation, and single
 * characters such as these are not in the vocabulary's frequency order (they come first, sorted by
 * code point), so the prior would otherwise never draw them.
 *
 * <p>Why the vocabulary order: a WordPiece vocabulary lists its word pieces in the order its
 * trainer admitted them, most frequent first (BERT's starts {@code the, of, and, in, to, was}), so
 * the id order is a frequency ranking that ships with the model, and Zipf's law turns a ranking
 * into frequencies. Measured on the embedded model at 50% FLOPs, end-to-end tuning calibrated on
 * these sequences kept more of the dense model than on sequences drawn from the embedding-norm
 * prior that {@code synthetic-fidelity} uses (see the README's reconstruction results). A
 * vocabulary that is not in frequency order (an alphabetical one) makes this prior meaningless; a
 * tokenizer without a WordPiece vocabulary falls back to uniform draws over non-special ids.
 */
public final class GeneratedCalibration {
    /** Added to the rank, so that the first few words do not take most of the mass. */
    static final double RANK_OFFSET = 10.0;
    /** Chance that a content token (not the first, not the full stop) is a comma. */
    static final double COMMA_PROBABILITY = 0.06;

    private final double[] cumulative;
    private final SpecialTokens specials;
    private final String prior;
    private final int fullStop;
    private final int comma;

    private GeneratedCalibration(double[] cumulative, SpecialTokens specials, String prior, int fullStop, int comma) {
        this.cumulative = cumulative;
        this.specials = specials;
        this.prior = prior;
        this.fullStop = fullStop;
        this.comma = comma;
    }

    /**
     * The prior of the tokenizer at {@code tokenizerJson}.
     *
     * @param vocabularySize ids at or above it are never drawn (the embedding matrix's rows)
     */
    public static GeneratedCalibration forTokenizer(Path tokenizerJson, int vocabularySize, SpecialTokens specials) {
        String[] pieces = pieces(tokenizerJson, vocabularySize);
        double[] weights = new double[vocabularySize];
        int rank = 0;
        boolean ordered = false;
        for (int id = 0; id < vocabularySize; id++) {
            String piece = pieces[id];
            if (specials.isSpecial(id) || piece == null || piece.codePointCount(0, piece.length()) < 2
                    || (piece.startsWith("[") && piece.endsWith("]"))) {
                continue;
            }
            weights[id] = 1.0 / (++rank + RANK_OFFSET);
            ordered = true;
        }
        if (!ordered) {
            for (int id = 0; id < vocabularySize; id++) {
                weights[id] = specials.isSpecial(id) ? 0.0 : 1.0;
            }
        }
        double[] cumulative = new double[vocabularySize];
        double total = 0;
        for (int id = 0; id < vocabularySize; id++) {
            total += weights[id];
            cumulative[id] = total;
        }
        int fullStop = Arrays.asList(pieces).indexOf(".");
        int comma = Arrays.asList(pieces).indexOf(",");
        String description = (ordered ? "zipf over the vocabulary order" : "uniform")
                + (fullStop >= 0 ? ", full stop at the end" + (comma >= 0 ? ", commas" : "") : "");
        return new GeneratedCalibration(cumulative, specials, description, fullStop, comma);
    }

    /** What the prior is, for reports. */
    public String prior() {
        return prior;
    }

    /** {@code count} sequences with lengths in {@code [minLength, maxLength]}, from {@code seed}. */
    public int[][] sample(int count, int minLength, int maxLength, long seed) {
        if (minLength < 3 || maxLength < minLength) {
            throw new IllegalArgumentException("lengths must satisfy 3 <= min <= max, got " + minLength + ".." + maxLength);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double total = cumulative[cumulative.length - 1];
        int[][] out = new int[count][];
        for (int s = 0; s < count; s++) {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            int[] seq = new int[length];
            seq[0] = specials.cls();
            seq[length - 1] = specials.sep();
            for (int t = 1; t < length - 1; t++) {
                int id = Arrays.binarySearch(cumulative, random.nextDouble() * total);
                seq[t] = firstAbove(id < 0 ? -id - 1 : id);
            }
            if (fullStop >= 0 && length >= 4) {
                seq[length - 2] = fullStop;
                for (int t = 2; t < length - 2 && comma >= 0; t++) {
                    if (random.nextDouble() < COMMA_PROBABILITY) {
                        seq[t] = comma;
                    }
                }
            }
            out[s] = seq;
        }
        return out;
    }

    /** The first id whose cumulative mass is positive from {@code id} on (skips zero-weight ids). */
    private int firstAbove(int id) {
        int i = Math.min(id, cumulative.length - 1);
        double before = i == 0 ? 0 : cumulative[i - 1];
        while (i < cumulative.length - 1 && cumulative[i] == before) {
            i++;
        }
        return i;
    }

    private static String[] pieces(Path tokenizerJson, int vocabularySize) {
        String[] pieces = new String[vocabularySize];
        JsonNode vocab;
        try {
            vocab = new ObjectMapper().readTree(tokenizerJson.toFile()).at("/model/vocab");
        } catch (IOException e) {
            throw new UncheckedIOException(tokenizerJson + ": cannot read the tokenizer's vocabulary", e);
        }
        if (!vocab.isObject()) {
            return pieces;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int id = e.getValue().asInt(-1);
            if (id >= 0 && id < vocabularySize) {
                pieces[id] = e.getKey();
            }
        }
        return pieces;
    }
}
