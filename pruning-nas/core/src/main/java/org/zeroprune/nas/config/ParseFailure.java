package org.zeroprune.nas.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One line saying why a configuration file could not be parsed. The parsers' own messages span
 * several lines (SnakeYAML quotes the offending line with a caret) or name a Java exception, and
 * Jackson's location for a YAML error is where the parser stood, not where the problem is.
 */
final class ParseFailure {
    private ParseFailure() {
    }

    /** What is wrong with {@code file}, beginning with its name. */
    static String describe(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharConversionException || t instanceof CharacterCodingException) {
                return file + ": not UTF-8 text; expected a YAML or JSON configuration file";
            }
            if (t instanceof MarkedYAMLException yaml) {
                Mark mark = yaml.getProblemMark();
                String problem = yaml.getProblem() == null ? "syntax error" : yaml.getProblem();
                return file + ": not valid YAML or JSON: " + oneLine(problem) + (mark == null ? ""
                        : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")");
            }
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return file + ": not valid YAML or JSON: " + oneLine(String.valueOf(e.getOriginalMessage())) + where;
    }

    private static String oneLine(String message) {
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + " " + b).orElse("");
    }
}
