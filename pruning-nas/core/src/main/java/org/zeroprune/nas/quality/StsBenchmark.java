package org.zeroprune.nas.quality;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.zeroprune.nas.ConfigException;

/**
 * A semantic-textual-similarity benchmark in the STS benchmark's tab-separated format: genre, file,
 * year, pair id, gold score, first sentence, second sentence, and optionally source columns after
 * them (a six-column form without the pair id is read too). The quality of an embedding model on it
 * is the Spearman correlation, times 100, between the cosine similarity of each pair's mean-pooled
 * embeddings and the gold scores.
 */
public final class StsBenchmark {
    private final String source;
    private final List<String> first;
    private final List<String> second;
    private final double[] gold;

    private StsBenchmark(String source, List<String> first, List<String> second, double[] gold) {
        this.source = source;
        this.first = first;
        this.second = second;
        this.gold = gold;
    }

    /**
     * Reads {@code file}.
     *
     * @throws ConfigException naming the file, the line and what was expected
     */
    public static StsBenchmark read(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + ": is a directory; expected an STS benchmark file (tab-separated: genre,"
                    + " file, year, id, score, sentence 1, sentence 2)");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": STS file not found; expected the STS benchmark's tab-separated format"
                    + " (genre, file, year, id, score, sentence 1, sentence 2)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            // the decoder's own message ("Input length = 1") says nothing to a user
            throw new ConfigException(file + ": not UTF-8 text; expected an STS benchmark file (tab-separated UTF-8 text)");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", -1);
            // seven columns or more: genre, file, year, id, score, ...; exactly six: the same without the id
            int column = f.length >= 7 ? 4 : f.length == 6 ? 3 : -1;
            int scoreColumn = column >= 0 && isNumber(f[column]) ? column : -1;
            if (scoreColumn < 0 || f[scoreColumn + 1].isBlank() || f[scoreColumn + 2].isBlank()) {
                throw new ConfigException(file + ": line " + (i + 1) + " is not an STS pair; expected tab-separated genre,"
                        + " file, year, id, score (a number), sentence 1, sentence 2");
            }
            scores.add(Double.parseDouble(f[scoreColumn]));
            a.add(f[scoreColumn + 1]);
            b.add(f[scoreColumn + 2]);
        }
        if (scores.size() < 3) {
            throw new ConfigException(file + ": " + scores.size() + " STS pairs; a correlation needs at least 3");
        }
        return new StsBenchmark(file.toString(), a, b, scores.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Where the pairs came from. */
    public String source() {
        return source;
    }

    /** Number of pairs. */
    public int size() {
        return gold.length;
    }

    /** Every first sentence, then every second sentence, in pair order: what {@link #spearman} embeds. */
    public List<String> sentences() {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Spearman ×100 of the pairs' cosine similarities against the gold scores.
     *
     * @param embeddings embeddings of {@link #sentences()}, in that order
     */
    public double spearman(float[][] embeddings) {
        if (embeddings.length != 2 * size()) {
            throw new IllegalArgumentException(embeddings.length + " embeddings for " + size() + " pairs");
        }
        double[] cos = new double[size()];
        for (int i = 0; i < cos.length; i++) {
            cos[i] = Cosine.of(embeddings[i], embeddings[i + size()]);
        }
        return 100 * new SpearmansCorrelation().correlation(cos, gold);
    }

    /** {@link #spearman} of a model given as a function from sentences to embeddings. */
    public double spearman(Function<List<String>, float[][]> model) {
        return spearman(model.apply(sentences()));
    }
}
