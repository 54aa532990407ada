package org.zeroprune.nas.evaluate;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.zeroprune.nas.corpus.Corpus;
import org.zeroprune.nas.engine.RebuiltScorer;
import org.zeroprune.nas.engine.ScorerRecipe;
import org.zeroprune.nas.model.LoadedModel;
import org.zeroprune.nas.model.ModelSource;
import org.zeroprune.nas.quality.FidelityEvaluator;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import org.zeroprune.spi.mask.PruningMask;

/**
 * How a worker measures candidates' fidelity as {@code evaluate} does on the driver: the dense model's
 * sentence embeddings of the corpus's evaluation part, computed once, against each candidate's.
 *
 * @param job the run it belongs to
 * @param model {@code embedded}, a checkpoint directory or an {@code .onnx} file (absolute)
 * @param corpus {@code builtin} or a text file (absolute)
 */
record FidelityRecipe(String job, String model, String corpus) implements ScorerRecipe {
    private static final long serialVersionUID = 1L;

    @Override
    public List<String> files() {
        List<String> files = new ArrayList<>();
        if (!model.equals("embedded")) {
            files.add(model);
        }
        if (!corpus.equals("builtin")) {
            files.add(corpus);
        }
        return files;
    }

    @Override
    public FidelityRecipe relocated(UnaryOperator<String> where) {
        return new FidelityRecipe(job, model.equals("embedded") ? model : where.apply(model),
                corpus.equals("builtin") ? corpus : where.apply(corpus));
    }

    @Override
    public RebuiltScorer rebuild() {
        LoadedModel loaded = ModelSource.load(model);
        DjlModelRuntime runtime = new DjlModelRuntime();
        try {
            Corpus text = corpus.equals("builtin") ? Corpus.bundled() : Corpus.read(Paths.get(corpus));
            FidelityEvaluator evaluator = evaluator(runtime, loaded, text);
            return new RebuiltScorer() {
                @Override
                public double[] scoreAll(List<PruningMask> masks, IntFunction<String> candidate, int threads,
                        Runnable scored) {
                    return measure(evaluator, masks, scored);
                }

                @Override
                public void close() {
                    runtime.close();
                }
            };
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
    }

    /** The evaluator of {@code corpus}'s evaluation part on {@code model}, the driver's and the workers' alike. */
    static FidelityEvaluator evaluator(org.zeroprune.nas.runtime.ModelRuntime runtime, LoadedModel model, Corpus corpus) {
        return new FidelityEvaluator(runtime.forward(model).orElseThrow(), PruningMask.dense(model.view()),
                runtime.tokenize(model, corpus.evaluation()));
    }

    /** Each candidate's fidelity, one after the other. */
    static double[] measure(FidelityEvaluator evaluator, List<PruningMask> masks, Runnable scored) {
        double[] fidelity = new double[masks.size()];
        for (int i = 0; i < masks.size(); i++) {
            fidelity[i] = evaluator.fidelity(masks.get(i));
            scored.run();
        }
        return fidelity;
    }
}
