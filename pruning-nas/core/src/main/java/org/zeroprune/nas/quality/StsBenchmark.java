package org.zeroprune.nas.quality;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.io.InputFile;

/**
 * A semantic-textual-similarity benchmark in the STS benchmark's tab-separated format, one pair per
 * line: genre, file, year, pair id, gold score (0 to 5), first sentence, second sentence, and
 * optionally source columns after them (the benchmark's own files mix 7 and 9 columns). That is the
 * one layout read: a line of fewer columns is refused, naming it, rather than read by position (a
 * six-column line would make the id the score and the score the first sentence). Gold scores outside
 * 0–5, and files whose gold scores are all equal (no correlation is defined), are refused too. The
 * quality of an embedding model on it is the Spearman correlation, times 100, between the cosine
 * similarity of each pair's mean-pooled embeddings and the gold scores.
 */
public final class StsBenchmark {
    /** The layout, as messages and {@code --help} give it. */
    public static final String LAYOUT = "tab-separated: genre, file, year, id, score (0 to 5), sentence 1, sentence 2,"
            + " optionally more columns after them";
    /** Columns of a pair: genre, file, year, id, score, sentence 1, sentence 2. */
    private static final int COLUMNS = 7;
    private static final int SCORE = 4;
    private static final double MAX_SCORE = 5;

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
        InputFile.requireRegular(file, "STS file not found", "an STS benchmark file (" + LAYOUT + ")", ConfigException::new);
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
            String line = file + ": line " + (i + 1);
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < COLUMNS) {
                throw new ConfigException(line + " has " + f.length + " tab-separated columns"
                        + (scores.isEmpty() ? "" : " where the lines before it have " + COLUMNS + " or more")
                        + "; expected " + COLUMNS + " (" + LAYOUT + ")");
            }
            double score = score(f[SCORE]);
            if (Double.isNaN(score) || f[SCORE + 1].isBlank() || f[SCORE + 2].isBlank()) {
                throw new ConfigException(line + " is not an STS pair; expected " + LAYOUT);
            }
            if (score < 0 || score > MAX_SCORE) {
                throw new ConfigException(line + ": gold score " + f[SCORE].strip() + " is outside 0 to 5, the STS"
                        + " benchmark's scale; expected " + LAYOUT);
            }
            scores.add(score);
            a.add(f[SCORE + 1]);
            b.add(f[SCORE + 2]);
        }
        if (scores.size() < 3) {
            throw new ConfigException(file + ": " + scores.size() + " STS pairs; a correlation needs at least 3");
        }
        if (scores.stream().distinct().count() == 1) {
            throw new ConfigException(file + ": every gold score is " + scores.get(0) + ", so no correlation with them is"
                    + " defined; expected pairs of different similarity");
        }
        return new StsBenchmark(file.toString(), a, b, scores.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The score in {@code text}, or NaN when it is not a finite number. */
    private static double score(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
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
        double rho = RankCorrelation.spearman(cos, gold);
        if (!Double.isFinite(rho)) {
            // gold scores vary (read refuses equal ones), so the cosines do not: a model that ignores its input
            throw new ZeroPruneException("STS on " + source + ": the model gives every pair the same cosine similarity ("
                    + cos[0] + "), so its Spearman correlation is undefined; its embeddings do not depend on the text");
        }
        return 100 * rho;
    }

    /** {@link #spearman} of a model given as a function from sentences to embeddings. */
    public double spearman(Function<List<String>, float[][]> model) {
        return spearman(model.apply(sentences()));
    }
}
