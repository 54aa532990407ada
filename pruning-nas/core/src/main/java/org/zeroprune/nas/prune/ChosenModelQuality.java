package org.zeroprune.nas.prune;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Paths;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.eval.FidelityEvaluator;
import org.zeroprune.nas.eval.StsBenchmark;
import org.zeroprune.nas.forward.ModelRuntime;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.spi.context.MaskedForward;
import org.zeroprune.spi.mask.PruningMask;

/**
 * What the summary reports of the chosen model's quality, measured and never used to choose: its
 * fidelity to the dense model on the corpus's evaluation part and, given an STS file, the STS
 * Spearman ×100 of the dense model, of the plain cut and of the model as exported (reconstructed).
 */
final class ChosenModelQuality {
    private final ModelRuntime runtime;
    private final LoadedModel model;
    private final PruningMask chosen;
    private final Optional<Corpus> fidelityText;
    private final Optional<StsBenchmark> sts;

    /**
     * @param corpus {@code scoring.corpus}: empty or {@code builtin} for the shipped corpus, else a file
     * @param measureFidelity whether to measure fidelity at all
     * @param sts the STS benchmark, if any
     */
    ChosenModelQuality(ModelRuntime runtime, LoadedModel model, PruningMask chosen, String corpus, boolean measureFidelity,
            Optional<StsBenchmark> sts) {
        this.runtime = runtime;
        this.model = model;
        this.chosen = chosen;
        this.sts = sts;
        this.fidelityText = !measureFidelity ? Optional.empty() : Optional.of(corpus.isBlank() || corpus.equals("builtin")
                ? Corpus.bundled() : Corpus.read(Paths.get(corpus)));
    }

    /** Whether anything is measured. */
    boolean measures() {
        return fidelityText.isPresent() || sts.isPresent();
    }

    /**
     * Fills {@code summary}'s {@code fidelity} and {@code sts}.
     *
     * @param exported the model as written, if it was
     */
    void report(ObjectNode summary, Optional<BertCheckpoint> exported) {
        fidelityText.ifPresent(text -> {
            FidelityEvaluator evaluator = new FidelityEvaluator(forward(), PruningMask.dense(model.view()),
                    runtime.tokenize(model, text.evaluation()));
            ObjectNode node = summary.putObject("fidelity");
            double cut = evaluator.fidelity(chosen);
            node.put("fidelity", exported.map(m -> evaluator.fidelity(runtime.sentenceEmbeddings(m,
                    evaluator.tokenIds()))).orElse(cut));
            node.put("cutFidelity", cut);
            // without an export "fidelity" is the cut's too; say so rather than let it pass for an exported model's
            node.put("exported", exported.isPresent());
            node.put("sentences", evaluator.sentenceCount());
            node.put("corpus", text.source());
        });
        sts.ifPresent(benchmark -> {
            ObjectNode node = summary.putObject("sts");
            int[][] ids = runtime.tokenize(model, benchmark.sentences());
            node.put("file", benchmark.source());
            node.put("pairs", benchmark.size());
            node.put("dense", benchmark.spearman(forward().sentenceEmbeddings(PruningMask.dense(model.view()), ids)));
            double cut = benchmark.spearman(forward().sentenceEmbeddings(chosen, ids));
            node.put("pruned", exported.map(m -> benchmark.spearman(runtime.sentenceEmbeddings(m, ids))).orElse(cut));
            node.put("cut", cut);
            node.put("exported", exported.isPresent());
        });
    }

    private MaskedForward forward() {
        return runtime.forward(model).orElseThrow();
    }
}
