package org.zeroprune.nas.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.export.onnx.OnnxExport;
import org.zeroprune.nas.io.OutputDirectory;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.rank.RankingMasks;
import org.zeroprune.nas.rank.RankingWriter;
import org.zeroprune.spi.mask.PruningMask;

/**
 * Exports any ranked candidate of an earlier {@code prune} as a pruned checkpoint, without searching
 * again: the candidate's masks are read back from {@code ranking.json} (either mask format) and
 * applied to the model the ranking was made from.
 */
public final class RankedCandidateExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RankedCandidateExport() {
    }

    /**
     * What was exported.
     *
     * @param rank the candidate's rank in the ranking
     * @param row the candidate's ranking row, masks as ranges
     * @param checkpoint the pruned checkpoint as written
     * @param directory where it was written
     * @param onnx {@code model.onnx} in it, if that format was asked for
     * @param model where the dense model came from
     * @param int8 {@code model_qint8.onnx} in it, if asked for
     * @param warnings what the caller should be told: a ranking that cannot be checked against the model, or a
     *     changed model accepted
     */
    public record Exported(int rank, ObjectNode row, BertCheckpoint checkpoint, Path directory, Optional<Path> onnx,
            String model, Optional<Path> int8, List<String> warnings) {
    }

    /**
     * Writes the candidate at {@code rank} of {@code rankingFile} into {@code out}, atomically.
     *
     * @param model the dense model, or {@code null} for the ranking's own {@code modelSource}
     * @throws ConfigException naming the file, the key and what was expected when the ranking cannot be
     *     read, the rank is outside it, or the model is not the one the ranking was made from
     */
    public static Exported export(Path rankingFile, int rank, String model, Path out, boolean overwrite) {
        return export(rankingFile, rank, model, out, overwrite, ExportFormat.BOTH, Quantization.NONE, false,
                (dense, cut) -> cut);
    }

    /**
     * As {@link #export(Path, int, String, Path, boolean)}, writing the model files of {@code format} (and
     * {@code model_qint8.onnx} as {@code quantization} asks), the cut candidate reconstructed first by
     * {@code reconstruct} (given the dense model and the cut, the checkpoint to write). A model whose content
     * differs from the ranking's {@code modelHash} is refused unless {@code allowModelChange}, then exported
     * with a warning.
     */
    public static Exported export(Path rankingFile, int rank, String model, Path out, boolean overwrite,
            ExportFormat format, Quantization quantization, boolean allowModelChange,
            BiFunction<LoadedModel, BertCheckpoint, BertCheckpoint> reconstruct) {
        try (OutputDirectory output = OutputDirectory.claim(out, overwrite, "export",
                Arrays.asList(rankingFile.toString(), model))) {
            return export(rankingFile, rank, model, output, format, quantization, allowModelChange, reconstruct);
        }
    }

    private static Exported export(Path rankingFile, int rank, String model, OutputDirectory output, ExportFormat format,
            Quantization quantization, boolean allowModelChange,
            BiFunction<LoadedModel, BertCheckpoint, BertCheckpoint> reconstruct) {
        Path out = output.path();
        JsonNode ranking = read(rankingFile);
        String source = model != null ? model : ranking.path("modelSource").asText("");
        if (source.isBlank()) {
            throw new ConfigException(rankingFile + ": no 'modelSource' (written by an older version); pass --model with"
                    + " the model the ranking was made from");
        }
        RankingMasks masks;
        PruningMask mask;
        try {
            masks = new RankingMasks(ranking);
            mask = masks.mask(rank);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(rankingFile + ": " + e.getMessage());
        }
        LoadedModel dense = ModelSource.load(source);
        requireSameShape(rankingFile, masks, dense);
        List<String> warnings = RankedModelCheck.check(rankingFile, ranking, dense, allowModelChange).stream().toList();
        ObjectNode row = ((ObjectNode) ranking.get("candidates").get(rank - 1)).deepCopy();
        row.set("masks", RankingWriter.masks(mask));
        row.put("source", dense.description());
        row.put("ranking", rankingFile.toAbsolutePath().toString());
        BertCheckpoint[] written = new BertCheckpoint[1];
        output.write(dir -> {
            written[0] = PrunedModelExport.write(dense.checkpoint(), mask, dir, row, format, quantization,
                    cut -> reconstruct.apply(dense, cut)).checkpoint();
            long expected = row.path("totalParams").asLong(-1);
            if (expected >= 0 && written[0].parameterCount() != expected) {
                // the same shapes but another checkpoint layout (e.g. with or without a pooler)
                throw new ConfigException(rankingFile + ": rank " + rank + " has totalParams " + expected + ", but pruning "
                        + dense.description() + " with its masks gives " + written[0].parameterCount()
                        + "; pass --model with the model the ranking was made from");
            }
        });
        Optional<Path> onnx = format.onnx() ? Optional.of(out.resolve(OnnxExport.FILE)) : Optional.empty();
        Optional<Path> int8 = quantization.int8() ? Optional.of(out.resolve(OnnxExport.INT8_FILE)) : Optional.empty();
        return new Exported(rank, row, written[0], out, onnx, dense.description(), int8, warnings);
    }

    private static JsonNode read(Path rankingFile) {
        if (Files.isDirectory(rankingFile)) {
            throw new ConfigException(rankingFile + ": is a directory; expected a file: the ranking.json written by prune");
        }
        if (!Files.isRegularFile(rankingFile)) {
            throw new ConfigException(rankingFile + ": not found; expected a ranking.json written by prune");
        }
        try {
            JsonNode ranking = JSON.readTree(rankingFile.toFile());
            if (ranking == null || !ranking.path("candidates").isArray()) {
                throw new ConfigException(rankingFile + ": no 'candidates' array; expected a ranking.json written by prune");
            }
            return ranking;
        } catch (JsonProcessingException e) {
            throw new ConfigException(rankingFile + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ConfigException(rankingFile + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void requireSameShape(Path rankingFile, RankingMasks ranking, LoadedModel dense) {
        int layers = dense.view().layerCount();
        int[] heads = new int[layers];
        int[] neurons = new int[layers];
        for (int l = 0; l < layers; l++) {
            heads[l] = dense.view().layer(l).attention().unitCount();
            neurons[l] = dense.view().layer(l).ffn().unitCount();
        }
        if (!Arrays.equals(ranking.denseHeads(), heads) || !Arrays.equals(ranking.denseNeurons(), neurons)) {
            throw new ConfigException(rankingFile + " was made for a model with heads " + Arrays.toString(ranking.denseHeads())
                    + " and neurons " + Arrays.toString(ranking.denseNeurons()) + " per layer; " + dense.description()
                    + " has heads " + Arrays.toString(heads) + " and neurons " + Arrays.toString(neurons)
                    + ": pass --model with the model the ranking was made from");
        }
    }
}
