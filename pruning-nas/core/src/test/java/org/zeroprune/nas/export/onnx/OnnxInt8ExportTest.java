package org.zeroprune.nas.export.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.quality.Cosine;
import org.zeroprune.nas.quality.StsBenchmark;
import org.zeroprune.nas.export.PrunedCheckpointWriter;
import org.zeroprune.nas.forward.EmbeddedEncoder;
import org.zeroprune.nas.forward.RandomMasks;
import org.zeroprune.nas.forward.Sentences;
import org.zeroprune.nas.onnxruntime.OrtEmbeddings;
import org.zeroprune.nas.onnxruntime.OrtSessions;

/**
 * {@code model_qint8.onnx} of a pruned all-MiniLM-L6-v2 (uneven layers) in ONNX Runtime: it loads
 * and runs at every optimisation level, the optimised graph runs every encoder weight product on
 * ONNX Runtime's integer kernels, and its sentence embeddings follow the float {@code model.onnx}.
 */
class OnnxInt8ExportTest {
    /** Where the STS development split lives beside the repository, for the agreement test. */
    private static final Path STS_DEV = Path.of("../../../shared/data/stsb/sts-dev.csv");
    /** ONNX Runtime's fused integer kernels of the dynamic int8 chain. */
    private static final List<String> INTEGER_KERNELS = List.of("MatMulIntegerToFloat", "DynamicQuantizeMatMul");

    @TempDir
    static Path dir;
    private static BertCheckpoint pruned;
    private static Path floatModel;
    private static Path int8Model;

    @BeforeAll
    static void export() throws IOException {
        BertConfig config = EmbeddedEncoder.checkpoint().config();
        pruned = PrunedCheckpointWriter.write(EmbeddedEncoder.checkpoint(), RandomMasks.bernoulli(config, 0.6, 21), dir,
                new ObjectMapper().createObjectNode());
        floatModel = OnnxExport.write(pruned, dir);
        int8Model = OnnxExport.writeInt8(pruned, dir, false);
    }

    @Test
    void theFileHoldsIntegerWeightsBesideTheFloatModelAndPassesItsChecks() throws IOException {
        assertEquals(dir.resolve("model_qint8.onnx"), int8Model);
        assertEquals(List.of(), OnnxModelCheck.problems(int8Model));
        ModelProto model = read(int8Model);
        Map<String, Long> ops = opCounts(model);
        int linears = linears(pruned.config());
        assertEquals(linears, ops.getOrDefault("MatMulInteger", 0L), "one integer product per encoder weight " + ops);
        // Q, K and V share one quantized hidden state; the attention output and each FFN projection quantize their own
        assertEquals(IntStream.range(0, pruned.config().layers()).map(l -> (pruned.config().headsInLayer(l) > 0 ? 2 : 0)
                + (pruned.config().ffnWidth(l) > 0 ? 2 : 0)).sum(), ops.getOrDefault("DynamicQuantizeLinear", 0L));
        // only the activation-by-activation products (scores and context) stay float MatMuls
        assertEquals(2 * IntStream.range(0, pruned.config().layers()).filter(l -> pruned.config().headsInLayer(l) > 0)
                .count(), ops.getOrDefault("MatMul", 0L));
        long int8Weights = model.getGraph().getInitializerList().stream().filter(t -> t.getName().endsWith(
                ".weight_quantized") && t.getDataType() == TensorProto.DataType.INT8_VALUE).count();
        assertEquals(linears, int8Weights);
        long floatBytes = Files.size(floatModel);
        long int8Bytes = Files.size(int8Model);
        System.out.printf("model.onnx %,d bytes, model_qint8.onnx %,d bytes (%.2f)%n", floatBytes, int8Bytes,
                (double) int8Bytes / floatBytes);
        // each encoder weight drops from 4 bytes to 1; the embeddings stay float (a lookup gains no speed from int8)
        long encoderFloatBytes = IntStream.range(0, pruned.config().layers()).mapToLong(l -> 4L * pruned.config()
                .hiddenSize() * (4L * pruned.config().headsInLayer(l) * pruned.config().headSize()
                        + 2L * pruned.config().ffnWidth(l))).sum();
        assertTrue(floatBytes - int8Bytes >= 0.74 * encoderFloatBytes, "int8 saves three quarters of the encoder's "
                + encoderFloatBytes + " weight bytes: " + int8Bytes + " vs " + floatBytes);
    }

    @ParameterizedTest
    @EnumSource(OrtSession.SessionOptions.OptLevel.class)
    void onnxRuntimeLoadsAndRunsItAtEveryOptimisationLevel(OrtSession.SessionOptions.OptLevel level) throws Exception {
        Path optimised = dir.resolve("optimised-" + level + ".onnx");
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 40));
        float[][] expected;
        try (OrtSession reference = OrtSessions.open(floatModel, 0)) {
            expected = OrtEmbeddings.meanPooled(reference, ids, 8);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(level);
            options.setOptimizedModelFilePath(optimised.toString());
            try (OrtSession session = OrtEnvironment.getEnvironment().createSession(int8Model.toString(), options)) {
                double cosine = Cosine.mean(expected, OrtEmbeddings.meanPooled(session, ids, 8));
                System.out.printf("%s: mean cosine to the float model %.5f over %d sentences%n", level, cosine, ids.length);
                assertTrue(cosine >= 0.99, level + ": " + cosine);
            }
        }
        Map<String, Long> ops = opCounts(read(optimised));
        System.out.println(level + ": optimised graph " + ops);
        long fused = INTEGER_KERNELS.stream().mapToLong(op -> ops.getOrDefault(op, 0L)).sum();
        if (level == OrtSession.SessionOptions.OptLevel.NO_OPT) {
            assertEquals(linears(pruned.config()), ops.getOrDefault("MatMulInteger", 0L));
        } else if (level != OrtSession.SessionOptions.OptLevel.BASIC_OPT) {
            // the extended level fuses the chain into ONNX Runtime's integer-to-float kernels, the bias included
            assertEquals(linears(pruned.config()), fused, "every weight product on an integer kernel: " + ops);
            assertEquals(0L, ops.getOrDefault("MatMulInteger", 0L), ops.toString());
        }
    }

    @Test
    void itsEmbeddingsFollowTheFloatModelOverTheStsDevelopmentSentences() throws OrtException {
        assumeTrue(Files.isRegularFile(STS_DEV), "the STS development split beside the repository: " + STS_DEV);
        StsBenchmark sts = StsBenchmark.read(STS_DEV);
        int[][] ids = EmbeddedEncoder.tokenizer().encode(sts.sentences());
        float[][] floats;
        float[][] int8;
        try (OrtSession a = OrtSessions.open(floatModel, 0); OrtSession b = OrtSessions.open(int8Model, 0)) {
            floats = OrtEmbeddings.meanPooled(a, ids, 32);
            int8 = OrtEmbeddings.meanPooled(b, ids, 32);
        }
        double cosine = Cosine.mean(floats, int8);
        System.out.printf("over %d STS sentences: mean cosine %.5f; Spearman x100 float %.2f, int8 %.2f%n", ids.length,
                cosine, sts.spearman(floats), sts.spearman(int8));
        assertTrue(cosine >= 0.99, "mean cosine " + cosine);
    }

    @Test
    void reduceRangeKeepsWeightsWithinSevenBits() throws IOException, OrtException {
        Path sub = Files.createDirectories(dir.resolve("reduce-range"));
        Path model = OnnxExport.writeInt8(pruned, sub, true);
        assertEquals(List.of(), OnnxModelCheck.problems(model));
        ModelProto proto = read(model);
        int max = proto.getGraph().getInitializerList().stream().filter(t -> t.getName().endsWith(".weight_quantized"))
                .mapToInt(t -> {
                    int m = 0;
                    for (byte b : t.getRawData().toByteArray()) {
                        m = Math.max(m, Math.abs(b));
                    }
                    return m;
                }).max().orElseThrow();
        assertEquals(63, max, "the largest weight of each channel maps to +-63");
        int[][] ids = EmbeddedEncoder.tokenizer().encode(Sentences.varied().subList(0, 40));
        try (OrtSession a = OrtSessions.open(floatModel, 0); OrtSession b = OrtSessions.open(model, 0)) {
            double cosine = Cosine.mean(OrtEmbeddings.meanPooled(a, ids, 8), OrtEmbeddings.meanPooled(b, ids, 8));
            System.out.printf("reduce_range: mean cosine to the float model %.5f%n", cosine);
            assertTrue(cosine >= 0.98, "7-bit weights: " + cosine);
        }
    }

    /** Q, K, V and attention output per layer with heads, two FFN projections per layer with neurons. */
    private static int linears(BertConfig config) {
        return IntStream.range(0, config.layers()).map(l -> (config.headsInLayer(l) > 0 ? 4 : 0)
                + (config.ffnWidth(l) > 0 ? 2 : 0)).sum();
    }

    private static Map<String, Long> opCounts(ModelProto model) {
        return model.getGraph().getNodeList().stream().collect(Collectors.groupingBy(NodeProto::getOpType, TreeMap::new,
                Collectors.counting()));
    }

    private static ModelProto read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ModelProto.parseFrom(in);
        }
    }
}
