package org.zeroprune.nas.prune;

import java.nio.file.Paths;
import java.util.Optional;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.quality.FidelityEvaluator;
import org.zeroprune.nas.quality.StsBenchmark;
import org.zeroprune.nas.runtime.ModelRuntime;
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
     * The chosen model's fidelity and STS, each if measured.
     *
     * @param exported the model as written, if it was
     */
    PruneSummary withQuality(PruneSummary summary, Optional<BertCheckpoint> exported) {
        Optional<PruneSummary.Fidelity> fidelity = fidelityText.map(text -> {
            FidelityEvaluator evaluator = new FidelityEvaluator(forward(), PruningMask.dense(model.view()),
                    runtime.tokenize(model, text.evaluation()));
            double cut = evaluator.fidelity(chosen);
            double measured = exported.map(m -> evaluator.fidelity(runtime.sentenceEmbeddings(m,
                    evaluator.tokenIds()))).orElse(cut);
            return new PruneSummary.Fidelity(measured, cut, exported.isPresent(), evaluator.sentenceCount(), text.source());
        });
        Optional<PruneSummary.Sts> measuredSts = sts.map(benchmark -> {
            int[][] ids = runtime.tokenize(model, benchmark.sentences());
            double dense = benchmark.spearman(forward().sentenceEmbeddings(PruningMask.dense(model.view()), ids));
            double cut = benchmark.spearman(forward().sentenceEmbeddings(chosen, ids));
            double pruned = exported.map(m -> benchmark.spearman(runtime.sentenceEmbeddings(m, ids))).orElse(cut);
            return new PruneSummary.Sts(benchmark.source(), benchmark.size(), dense, pruned, cut, exported.isPresent());
        });
        return summary.withQuality(fidelity, measuredSts);
    }

    private MaskedForward forward() {
        return runtime.forward(model).orElseThrow();
    }
}
