package org.zeroprune.nas.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.io.InputFile;

/**
 * English sentences for measuring fidelity, one per line: the corpus zeroprune ships, or a UTF-8
 * text file of the user's. Blank lines are skipped; the others are stripped of surrounding
 * whitespace. Every other line is a sentence, including those that start with {@code #} (the shipped
 * corpus has code comments).
 *
 * <p>The split is deterministic: the {@code i}-th kept sentence (from 0, in file order) belongs to
 * the calibration part when {@code i % 3 == 0} and to the evaluation part otherwise, so about a
 * third calibrates data-driven strategies and two thirds measure fidelity, and neither depends on
 * a seed. Immutable.
 */
public final class Corpus {
    /** Class-path location of the shipped corpus. */
    public static final String BUNDLED_RESOURCE = "org/zeroprune/nas/corpus/english-sentences.txt";

    private final String source;
    private final List<String> sentences;
    private final List<String> calibration;
    private final List<String> evaluation;

    private Corpus(String source, List<String> sentences) {
        this.source = source;
        this.sentences = List.copyOf(sentences);
        List<String> cal = new ArrayList<>();
        List<String> eval = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            (i % 3 == 0 ? cal : eval).add(sentences.get(i));
        }
        this.calibration = List.copyOf(cal);
        this.evaluation = List.copyOf(eval);
    }

    /** The corpus zeroprune ships (over 1,200 original English sentences). */
    public static Corpus bundled() {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new ZeroPruneException("the bundled corpus " + BUNDLED_RESOURCE
                        + " is not on the class path; expected it inside the zeroprune jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse("classpath:" + BUNDLED_RESOURCE, text.lines().toList());
        } catch (IOException e) {
            throw new ZeroPruneException("cannot read the bundled corpus " + BUNDLED_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * The sentences of a user's text file.
     *
     * @throws ZeroPruneException naming the file when it cannot be read or holds fewer than two
     *     sentences
     */
    public static Corpus read(Path file) {
        InputFile.requireRegular(file, "not found", "a UTF-8 text file with one sentence per line", ZeroPruneException::new);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ZeroPruneException(file + ": not valid UTF-8 text; expected a UTF-8 text file with one sentence"
                    + " per line", e);
        } catch (IOException e) {
            throw new ZeroPruneException(file + ": cannot be read (" + e + "); expected a UTF-8 text file with one"
                    + " sentence per line", e);
        }
        return parse(file.toString(), lines);
    }

    /**
     * A corpus from lines already in memory, filtered like a file.
     *
     * @param source names the lines in messages
     */
    public static Corpus of(String source, List<String> lines) {
        return parse(source, lines);
    }

    private static Corpus parse(String source, List<String> lines) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (!line.isEmpty()) {
                sentences.add(line);
            }
        }
        if (sentences.size() < 2) {
            throw new ZeroPruneException(source + ": holds " + (sentences.isEmpty() ? "no sentence" : "one sentence")
                    + "; expected at least two, one per line (blank lines are skipped),"
                    + " so that the calibration and evaluation parts are both non-empty");
        }
        return new Corpus(source, sentences);
    }

    /** Where the sentences came from: a file path or {@code classpath:…}. */
    public String source() {
        return source;
    }

    /** Every kept sentence, in file order. */
    public List<String> sentences() {
        return sentences;
    }

    /** Sentences {@code 0, 3, 6, …}: for data-driven strategies only. */
    public List<String> calibration() {
        return calibration;
    }

    /** The other sentences: for measuring fidelity. */
    public List<String> evaluation() {
        return evaluation;
    }

    @Override
    public String toString() {
        return "Corpus[" + source + ": " + calibration.size() + " calibration, " + evaluation.size() + " evaluation]";
    }
}
