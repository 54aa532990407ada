package org.zeroprune.spi;

import java.util.Set;
import org.zeroprune.spi.context.Capability;
import org.zeroprune.spi.context.ScoringContext;
import org.zeroprune.spi.model.ModelView;

/**
 * A configured scoring strategy: turns a model into a scorer of pruning candidates.
 *
 * <h2>Calls</h2>
 * One instance may be prepared many times: {@code prune} prepares it once on its model;
 * {@code evaluate} once; a benchmark creates one instance per run seed and prepares it on every
 * architecture of that seed (hundreds of models), <em>concurrently from several threads</em>. So
 * {@link #prepare} must be thread-safe, and anything it keeps between calls must be guarded.
 *
 * <h2>What may be cached across {@code prepare} calls, keyed on what</h2>
 * <ul>
 *   <li>Work that depends only on the context's {@linkplain ScoringContext#labelledSamples() labelled
 *       samples} (and the seed and this instance's options), keyed by the <em>identity</em> of that
 *       list together with {@link ScoringContext#seed()}; for example an α selected from them.
 *   <li>Work that depends only on the candidates the context's
 *       {@linkplain ScoringContext#sampler() sampler} draws, keyed by the identity of the sampler
 *       object together with the seed.
 *   <li>Per-model work, keyed by the identity of the {@link ModelView} instance, or by the content
 *       of its weights (a fingerprint of a matrix's values): a content key is always sound.
 * </ul>
 * {@link ScoringContext} says which identities the framework keeps stable, and why an identity
 * stands for content. Identity keys must be held weakly ({@link java.lang.ref.WeakReference}) and
 * caches bounded: the framework drops these objects when a run or a benchmark seed ends, while a
 * strategy instance (or a static cache) may outlive it. Never key on the {@code ScoringContext}
 * instance, which may be new for every call, nor on {@link ScoringContext#costModel()},
 * {@link ScoringContext#forward()} or {@link ScoringContext#calibration()}, which belong to the model
 * being prepared. Whatever is cached, the scores must be those an uncached strategy gives.
 */
public interface ScoringStrategy {

    /**
     * Does the per-model work once (per-head and per-neuron statistics, calibration, a choice of
     * hyper-parameters) and returns a scorer for candidates of this model. May be called
     * concurrently on one instance (see above).
     *
     * @param model read-only view of the model whose candidates will be scored
     * @param context what the framework offers besides the weights: cost model, seed, samplers,
     *     labelled samples, a masked forward pass
     * @throws ScoringException if the strategy cannot score this model; the message says why
     * @return a scorer of candidates of {@code model}
     */
    CandidateScorer prepare(ModelView model, ScoringContext context);

    /**
     * {@return what this strategy, with its options, needs from the {@link ScoringContext}} The framework
     * checks these before calling {@link #prepare} and reports what is missing.
     */
    default Set<Capability> requirements() {
        return Set.of();
    }
}
