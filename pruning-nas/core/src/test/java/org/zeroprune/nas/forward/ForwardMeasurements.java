package org.zeroprune.nas.forward;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.checkpoint.BertConfig;
import org.zeroprune.nas.checkpoint.BertTokenizer;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.export.CheckpointPruner;
import org.zeroprune.nas.importer.EmbeddedModel;
import org.zeroprune.nas.latency.LatencyProfiler;
import org.zeroprune.nas.quality.FidelityEvaluator;
import org.zeroprune.spi.context.SpecialTokens;
import org.zeroprune.spi.mask.PruningMask;
import org.zeroprune.spi.mask.UnitSet;

/**
 * Speed figures of the forward pass on this machine; not a test. Run from {@code pruning-nas}
 * after {@code mvn test-compile}:
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Dai.djl.offline=true -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.zeroprune.nas.forward.ForwardMeasurements
 * </pre>
 */
public final class ForwardMeasurements {
    private ForwardMeasurements() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        BertCheckpoint checkpoint = BertCheckpoint.read(EmbeddedModel.checkpointDirectory());
        BertConfig config = checkpoint.config();
        PruningMask half = halfFlops(config, 2025);
        try (BertEncoder encoder = BertEncoder.load(checkpoint);
                BertTokenizer tokenizer = BertTokenizer.forCheckpoint(checkpoint, BertTokenizer.DEFAULT_MAX_LENGTH)) {
            BertMaskedForward forward = new BertMaskedForward(encoder, tokenizer.specialTokens());
            int[][] random = randomTokens(32, 32, config.vocabSize(), tokenizer.specialTokens(), 7);

            double[] runs = new double[10];
            for (int i = -3; i < runs.length; i++) {
                long start = System.nanoTime();
                forward.sentenceEmbeddings(half, random);
                if (i >= 0) {
                    runs[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            System.out.printf("sentenceEmbeddings, 50%%-MACs candidate, 32 random sequences x 32 tokens:"
                    + " median %.1f ms (min %.1f, max %.1f) over 10 runs after 3 warm-ups%n",
                    median(runs), Arrays.stream(runs).min().orElseThrow(), Arrays.stream(runs).max().orElseThrow());
            double[] denseRuns = new double[10];
            for (int i = -3; i < denseRuns.length; i++) {
                long start = System.nanoTime();
                forward.sentenceEmbeddings(encoder.denseMask(), random);
                if (i >= 0) {
                    denseRuns[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            System.out.printf("same batch, dense mask: median %.1f ms%n", median(denseRuns));

            Corpus corpus = Corpus.bundled();
            long start = System.nanoTime();
            FidelityEvaluator evaluator = FidelityEvaluator.onEvaluationPart(forward, tokenizer, corpus);
            System.out.printf("FidelityEvaluator setup (tokenise + dense embeddings of %d sentences): %.2f s%n",
                    evaluator.sentenceCount(), (System.nanoTime() - start) / 1e9);
            for (int round = 0; round < 2; round++) {
                start = System.nanoTime();
                double dense = evaluator.fidelity(encoder.denseMask());
                double denseSeconds = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                double candidate = evaluator.fidelity(half);
                double halfSeconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("fidelity round %d: dense %.6f in %.2f s, 50%% candidate %.4f in %.2f s%n",
                        round, dense, denseSeconds, candidate, halfSeconds);
            }

            try (BertEncoder pruned = BertEncoder.load(CheckpointPruner.prune(checkpoint, half, Path.of("half")))) {
                double[] millis = LatencyProfiler.compareModelMillis(encoder, pruned, random);
                double denseModel = millis[0];
                double prunedModel = millis[1];
                System.out.printf("whole model, 32 x 32 random tokens: dense %.1f ms, physically pruned 50%% %.1f ms%n",
                        denseModel, prunedModel);
            }
            LatencyProfiler blocks = new LatencyProfiler(encoder);
            System.out.printf("layer 0 blocks at T=32, B=32: attention 12/6/0 heads %.2f/%.2f/%.2f ms,"
                    + " FFN 1536/768/0 neurons %.2f/%.2f/%.2f ms%n",
                    blocks.attentionMillis(0, 12, 32, 32), blocks.attentionMillis(0, 6, 32, 32),
                    blocks.attentionMillis(0, 0, 32, 32), blocks.ffnMillis(0, 1536, 32, 32),
                    blocks.ffnMillis(0, 768, 32, 32), blocks.ffnMillis(0, 0, 32, 32));
        }
    }

    /**
     * Half the heads and half the neurons of every layer, chosen at random: exactly half the MACs
     * of the design's cost model (every term is linear in kept heads or kept neurons).
     */
    static PruningMask halfFlops(BertConfig config, long seed) {
        Random random = new Random(seed);
        List<UnitSet> heads = new ArrayList<>();
        List<UnitSet> neurons = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            heads.add(randomHalf(config.headsInLayer(l), random));
            neurons.add(randomHalf(config.ffnWidth(l), random));
        }
        return PruningMask.of(heads, neurons);
    }

    private static UnitSet randomHalf(int size, Random random) {
        List<Integer> units = new ArrayList<>();
        for (int u = 0; u < size; u++) {
            units.add(u);
        }
        Collections.shuffle(units, random);
        return UnitSet.of(size, units.subList(0, size / 2).stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code [CLS]}, random non-special tokens, {@code [SEP]}. */
    static int[][] randomTokens(int count, int length, int vocab, SpecialTokens special, long seed) {
        Random random = new Random(seed);
        int[][] ids = new int[count][length];
        for (int[] seq : ids) {
            seq[0] = special.cls();
            seq[length - 1] = special.sep();
            for (int t = 1; t < length - 1; t++) {
                int id;
                do {
                    id = random.nextInt(vocab);
                } while (special.isSpecial(id));
                seq[t] = id;
            }
        }
        return ids;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
