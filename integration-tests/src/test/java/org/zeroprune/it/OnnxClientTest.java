package org.zeroprune.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.translator.TextEmbeddingTranslatorFactory;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroprune.nas.api.ZeroPrune;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.forward.BertEncoder;
import org.zeroprune.nas.prune.PruneResult;
import org.zeroprune.nas.quality.Cosine;
import org.zeroprune.nas.reconstruct.ReconstructionLevel;

/**
 * A client that is not zeroprune: DJL's ONNX Runtime engine and DJL's HuggingFace tokenizer load the
 * pruned {@code model.onnx} and {@code tokenizer.json} that {@code prune} wrote, through
 * {@link Criteria} as any DJL application would, and embed sentences in padded batches; the
 * mean-pooled embeddings point where zeroprune's own embeddings of the exported checkpoint point; and
 * the int8 {@code model_qint8.onnx} loads the same way and follows them closely.
 */
class OnnxClientTest {
    @TempDir
    Path dir;

    @Test
    void djlOnOnnxRuntimeEmbedsLikeZeroprune() throws Exception {
        Path out = dir.resolve("out");
        PruneResult result = ZeroPrune.prune(ZeroPrune.config().strategy("magnitude").set("search.strategy", "random")
                .set("search.candidates", "40").set("plugins", "[" + Plugins.directory() + "]")
                .set("output.measure-latency", "false").output(out.toString()).build());
        Path model = result.exportedModel().orElseThrow();
        assertEquals(model.resolve("model.onnx"), result.onnxModel().orElseThrow());
        List<String> sentences = Corpus.bundled().evaluation().subList(0, 24);

        List<float[]> djl = djlEmbeddings(model, "model", sentences);
        float[][] own = zeropruneEmbeddings(model, sentences);
        double worst = 1;
        double maxDiff = 0;
        for (int i = 0; i < sentences.size(); i++) {
            assertEquals(own[i].length, djl.get(i).length);
            worst = Math.min(worst, Cosine.of(djl.get(i), own[i]));
            for (int h = 0; h < own[i].length; h++) {
                maxDiff = Math.max(maxDiff, Math.abs(djl.get(i)[h] - own[i][h]));
            }
        }
        System.out.printf("DJL OnnxRuntime engine on the pruned model.onnx vs zeroprune's forward: lowest cosine %.9f,"
                + " max abs diff %.3g over %d sentences%n", worst, maxDiff, sentences.size());
        assertTrue(worst >= 0.9999, "lowest cosine " + worst);
    }

    @Test
    void djlOnOnnxRuntimeLoadsTheInt8ModelAndItsEmbeddingsFollowZeroprunes() throws Exception {
        Path out = dir.resolve("int8");
        PruneResult result = ZeroPrune.prune(ZeroPrune.config().strategy("magnitude").set("search.strategy", "random")
                .set("search.candidates", "40").set("plugins", "[" + Plugins.directory() + "]").reconstruct(ReconstructionLevel.NONE)
                .int8(true).set("output.measure-latency", "false").output(out.toString()).build());
        Path model = result.exportedModel().orElseThrow();
        List<String> sentences = Corpus.bundled().evaluation().subList(0, 24);
        List<float[]> djl = djlEmbeddings(model, "model_qint8", sentences);
        float[][] own = zeropruneEmbeddings(model, sentences);
        double mean = Cosine.mean(djl.toArray(new float[0][]), own);
        System.out.printf("DJL OnnxRuntime engine on model_qint8.onnx vs zeroprune's float forward: mean cosine %.5f over"
                + " %d sentences%n", mean, sentences.size());
        assertTrue(mean >= 0.99, "mean cosine " + mean);
    }

    /** Mean-pooled embeddings from {@code directory/name.onnx} through DJL's Criteria, as any DJL application loads it. */
    private static List<float[]> djlEmbeddings(Path directory, String name, List<String> sentences) throws Exception {
        Criteria<String, float[]> criteria = Criteria.builder().setTypes(String.class, float[].class)
                .optModelPath(directory).optModelName(name).optEngine("OnnxRuntime")
                .optTranslatorFactory(new TextEmbeddingTranslatorFactory())
                .optArgument("includeTokenTypes", true).optArgument("pooling", "mean").optArgument("normalize", false)
                .build();
        try (ZooModel<String, float[]> onnx = criteria.loadModel(); Predictor<String, float[]> predictor = onnx.newPredictor()) {
            return predictor.batchPredict(sentences);
        }
    }

    /** Zeroprune's own float embeddings of the exported checkpoint in {@code directory}. */
    private static float[][] zeropruneEmbeddings(Path directory, List<String> sentences) {
        BertCheckpoint checkpoint = BertCheckpoint.read(directory);
        try (BertTokenizer tokenizer = BertTokenizer.forCheckpoint(checkpoint, BertTokenizer.DEFAULT_MAX_LENGTH);
                BertEncoder encoder = BertEncoder.load(checkpoint)) {
            return encoder.sentenceEmbeddings(tokenizer.encode(sentences));
        }
    }
}
