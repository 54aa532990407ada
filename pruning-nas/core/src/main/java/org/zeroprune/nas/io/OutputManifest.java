package org.zeroprune.nas.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code zeroprune-manifest.json}: the mark of a directory zeroprune wrote, with the files it wrote.
 * {@code --overwrite} replaces a directory only when it has this mark and holds nothing else, so that
 * a mistyped {@code --out} can never delete a user's own files.
 */
public final class OutputManifest {
    /** The manifest's file name. */
    public static final String FILE = "zeroprune-manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputManifest() {
    }

    /** Writes the manifest of every file now in {@code directory}. */
    static void write(Path directory, String command) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("writtenBy", "zeroprune");
        String version = OutputManifest.class.getPackage().getImplementationVersion();
        root.put("version", version == null ? "development build" : version);
        root.put("command", command);
        ArrayNode files = root.putArray("files");
        relativeFiles(directory).forEach(files::add);
        Files.writeString(directory.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /**
     * The entries of {@code directory} that its manifest does not list (symbolic links and special
     * files always count), or empty when it has no readable manifest.
     */
    static Optional<List<String>> foreignEntries(Path directory) {
        Path file = directory.resolve(FILE);
        Set<String> listed = new HashSet<>();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !"zeroprune".equals(root.path("writtenBy").asText()) || !root.path("files").isArray()) {
                return Optional.empty();
            }
            root.get("files").forEach(f -> listed.add(f.asText()));
        } catch (IOException e) {
            return Optional.empty();
        }
        listed.add(FILE);
        try (Stream<Path> walk = Files.walk(directory)) {
            return Optional.of(walk.filter(p -> !p.equals(directory))
                    .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> relative(directory, p))
                    .filter(p -> !listed.contains(p) || Files.isSymbolicLink(directory.resolve(p))
                            || !Files.isRegularFile(directory.resolve(p), LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList());
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(List.of("(unreadable: " + e.getMessage() + ")"));
        }
    }

    private static List<String> relativeFiles(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).map(p -> relative(directory, p))
                    .filter(p -> !p.equals(FILE)).sorted().toList();
        }
    }

    private static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
