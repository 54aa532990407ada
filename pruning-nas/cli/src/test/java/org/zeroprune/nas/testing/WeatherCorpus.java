package org.zeroprune.nas.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A corpus file of twelve short English sentences: enough for {@code evaluate}'s fidelity on a tiny model. */
public final class WeatherCorpus {
    private WeatherCorpus() {
    }

    /** Writes the sentences to {@code file}, one per line. */
    public static Path write(Path file) throws IOException {
        return Files.writeString(file, IntStream.range(0, 12)
                .mapToObj(i -> "Sentence " + i + " is about the weather.").collect(Collectors.joining("\n")));
    }
}
