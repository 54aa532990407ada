package org.zeroprune.nas.benchmark.flexibert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReaderTest {
    private static final String LAYER_SA = "{\"operation_type\": \"SA\", \"operation_parameter\": \"WMA\","
            + " \"num_operation_heads\": 4, \"feed_forward_dimension\": 1024, \"num_feed_forward\": 3}";
    private static final String LAYER_DSC = "{\"operation_type\": \"DSC\", \"operation_parameter\": 9,"
            + " \"num_operation_heads\": 2, \"feed_forward_dimension\": 512, \"num_feed_forward\": 1}";

    private static String record(int id, String glue, String hidden, String layers) {
        return "{\"id\": " + id + ", \"scores\": {\"cola\": 40.0, \"glue\": " + glue + "}, \"hparams\": {"
                + "\"model_hparam_overrides\": {\"hidden_size\": " + hidden + ", \"nas_config\": {\"encoder_layers\": ["
                + layers + "]}}}}";
    }

    private static Path write(Path dir, String... records) throws IOException {
        Path file = dir.resolve("bench.json");
        Files.writeString(file, "[" + String.join(", ", records) + "]");
        return file;
    }

    @Test
    void readsRecordsWithTheirArchitecture(@TempDir Path dir) throws IOException {
        Path file = write(dir, record(3, "74.5", "256", LAYER_SA + ", " + LAYER_DSC), record(9, "70", "128", LAYER_DSC));
        List<BenchmarkRecord> records = BenchmarkReader.read(file);
        assertEquals(2, records.size());
        BenchmarkRecord first = records.get(0);
        assertEquals(3, first.id());
        assertEquals(74.5, first.glue());
        assertEquals(256, first.architecture().hiddenSize());
        assertEquals(new LayerSpec(OperationType.SA, "WMA", 4, 1024, 3), first.architecture().layers().get(0));
        assertEquals(9, first.architecture().layers().get(1).kernelSize());
        assertEquals(1, first.architecture().layers().get(1).convolutionHeads());
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> BenchmarkReader.read(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void invalidJsonNamesTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[{\"id\": 1,\n oops}]");
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> BenchmarkReader.read(file));
        assertTrue(e.getMessage().contains("bad.json: not valid JSON") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aMissingGlueScoreNamesRecordAndField(@TempDir Path dir) throws IOException {
        String noGlue = record(7, "70", "128", LAYER_DSC).replace("\"glue\": 70", "\"sst\": 70");
        Path file = write(dir, record(1, "70", "128", LAYER_DSC), noGlue);
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> BenchmarkReader.read(file));
        assertEquals(file + ": record 1 (id 7): field scores.glue: missing", e.getMessage());
    }

    @Test
    void aBadLayerFieldNamesItsPath(@TempDir Path dir) throws IOException {
        String bad = LAYER_DSC.replace("\"num_feed_forward\": 1", "\"num_feed_forward\": \"one\"");
        Path file = write(dir, record(1, "70", "128", LAYER_SA), record(2, "71", "128", LAYER_SA + ", " + bad));
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> BenchmarkReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": record 1 (id 2): field hparams.model_hparam_overrides"
                + ".nas_config.encoder_layers[1].num_feed_forward: expected an integer"), e.getMessage());
    }

    @Test
    void anUnknownOperationIsRefused(@TempDir Path dir) throws IOException {
        String bad = LAYER_SA.replace("\"SA\"", "\"RNN\"");
        Path file = write(dir, record(1, "70", "128", bad), record(2, "71", "128", LAYER_SA));
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> BenchmarkReader.read(file));
        assertTrue(e.getMessage().contains("record 0 (id 1): field hparams.model_hparam_overrides.nas_config"
                + ".encoder_layers[0].operation_type: expected SA, LT or DSC, got 'RNN'"), e.getMessage());
    }

    @Test
    void headsThatDoNotDivideTheHiddenSizeAreRefused(@TempDir Path dir) throws IOException {
        Path file = write(dir, record(1, "70", "130", LAYER_SA), record(2, "71", "128", LAYER_SA));
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> BenchmarkReader.read(file));
        assertTrue(e.getMessage().contains("field hparams.model_hparam_overrides.nas_config.encoder_layers[0]"
                + ".num_operation_heads: 4 does not divide hidden_size 130"), e.getMessage());
    }

    @Test
    void duplicateIdsAreRefused(@TempDir Path dir) throws IOException {
        Path file = write(dir, record(1, "70", "128", LAYER_SA), record(1, "71", "128", LAYER_SA));
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> BenchmarkReader.read(file));
        assertTrue(e.getMessage().contains("record 1: field id: 1 appears more than once"), e.getMessage());
    }

    @Test
    void theSearchSpaceSamplesReproduciblyFromItsChoices(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("space.json");
        Files.writeString(file, "{\"hidden_size\": [128, 256], \"num_encoder_layers\": [2, 4], \"encoder_layer\": {"
                + "\"operation_type\": [\"SA\", \"LT\", \"DSC\"], \"num_operation_heads\": [2, 4],"
                + " \"feed_forward_dimension\": [512, 1024], \"num_feed_forward\": [1, 3],"
                + " \"SA\": [\"SDP\", \"WMA\"], \"LT\": [\"DFT\", \"DCT\"], \"DSC\": [5, 9]}}");
        FlexiSearchSpace space = FlexiSearchSpace.read(file);
        for (int i = 0; i < 50; i++) {
            Architecture a = space.sample(new SplittableRandom(i));
            assertEquals(a, space.sample(new SplittableRandom(i)));
            assertTrue(List.of(128, 256).contains(a.hiddenSize()));
            assertTrue(a.depth() == 2 || a.depth() == 4);
            for (LayerSpec l : a.layers()) {
                assertTrue(List.of(512, 1024).contains(l.ffnWidth()));
                assertTrue(l.operation() != OperationType.DSC || List.of(5, 9).contains(l.kernelSize()));
            }
        }
    }

    @Test
    void aSearchSpaceWithoutAChoiceListNamesTheField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("space.json");
        Files.writeString(file, "{\"hidden_size\": [128], \"num_encoder_layers\": [2], \"encoder_layer\": {}}");
        BenchmarkDataException e = assertThrows(BenchmarkDataException.class, () -> FlexiSearchSpace.read(file));
        assertEquals(file + ": field encoder_layer.operation_type: missing", e.getMessage());
    }
}
