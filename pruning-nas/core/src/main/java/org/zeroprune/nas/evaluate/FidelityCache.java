package org.zeroprune.nas.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.io.AtomicFiles;
import org.zeroprune.nas.io.ContentHash;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Measured fidelities kept on disk, so that evaluating more strategies on the same candidates does
 * not measure them again. An entry is found by a key that names everything fidelity depends on
 * (the model's and the corpus's content, candidates' settings) and is used only if the candidates'
 * masks are the same.
 */
final class FidelityCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bump when what a measured fidelity depends on changes in code (tokenisation, pooling). */
    private static final String FORMAT = "fidelity-v2";
    private final Path directory;

    FidelityCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The key of fidelities measured on {@code model} over {@code corpus}'s evaluation part under
     * {@code settings} (budget, seed, search space). The model counts by content, never by path: its
     * weights, configuration and tokenizer, hashed whole (see {@link ContentHash} for why not size
     * and time), so that new weights written at the same path (a {@code prune --overwrite}) are
     * measured again. The sentences count by their text, not by the corpus file's name.
     */
    static String key(LoadedModel model, Corpus corpus, String settings) {
        Path dir = model.checkpoint().directory();
        ContentHash hash = new ContentHash().text(FORMAT).fileIfPresent(dir.resolve(BertCheckpoint.WEIGHTS))
                .fileIfPresent(dir.resolve(BertCheckpoint.CONFIG)).fileIfPresent(dir.resolve(BertCheckpoint.TOKENIZER))
                .text(Integer.toString(corpus.evaluation().size()));
        corpus.evaluation().forEach(hash::text);
        return hash.text(settings).hex();
    }

    /**
     * The cached fidelities of {@code masks} under {@code key}, if present and for the same masks. An
     * entry holding a value no fidelity can take (not a number, or outside −1 to 1, as a hand edit or
     * a damaged file leaves) is not a result: it is reported to {@code warnings}, naming the file, and
     * the fidelities are measured again.
     */
    Optional<double[]> load(String key, List<PruningMask> masks, Consumer<String> warnings) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            JsonNode hashes = node.get("masks");
            JsonNode values = node.get("fidelity");
            if (!node.path("key").asText().equals(key) || hashes == null || values == null || hashes.size() != masks.size()
                    || values.size() != masks.size()) {
                return Optional.empty();
            }
            double[] fidelity = new double[masks.size()];
            for (int i = 0; i < fidelity.length; i++) {
                if (!hashes.get(i).asText().equals(hash(masks.get(i).toString() + masks.get(i).hashCode()))) {
                    return Optional.empty();
                }
                fidelity[i] = values.get(i).asDouble(Double.NaN);
            }
            for (int i = 0; i < fidelity.length; i++) {
                if (!values.get(i).isNumber() || !(fidelity[i] >= -1 && fidelity[i] <= 1)) {
                    warnings.accept("the fidelity cache entry " + file + " is corrupt (candidate " + i + ": "
                            + values.get(i) + ", where a fidelity is a number from -1 to 1); measuring again");
                    return Optional.empty();
                }
            }
            return Optional.of(fidelity);
        } catch (IOException e) {
            return Optional.empty(); // an unreadable entry is measured again
        }
    }

    /** Stores fidelities of {@code masks} under {@code key}. */
    void store(String key, List<PruningMask> masks, double[] fidelity) {
        ObjectNode node = JSON.createObjectNode();
        node.put("key", key);
        ArrayNode hashes = node.putArray("masks");
        ArrayNode values = node.putArray("fidelity");
        for (int i = 0; i < masks.size(); i++) {
            hashes.add(hash(masks.get(i).toString() + masks.get(i).hashCode()));
            values.add(fidelity[i]);
        }
        AtomicFiles.writeString(file(key), node.toString());
    }

    private Path file(String key) {
        return directory.resolve(hash(key).substring(0, 24) + ".json");
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
