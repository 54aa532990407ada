package org.zeroprune.nas.search;

/**
 * The search settings of a run (configuration keys {@code search.*}).
 *
 * @param strategy {@code random}, {@code evolutionary}, {@code greedy}, {@code uniform}, {@code exhaustive}
 *     or {@code hybrid}
 * @param candidates how many candidates the search evaluates
 * @param seed seed of every random choice; the same seed gives the same ranking
 * @param neuronBlock neurons moved together (1 = single neurons)
 * @param minHeads heads every layer keeps at least
 * @param minNeurons neurons every layer keeps at least
 * @param unitSelection how a search picks which units of a layer to keep once it knows how many:
 *     {@code random}, {@code importance} (the scoring strategy's per-unit importance) or {@code auto} (the
 *     scoring strategy's importance if it has one, else the hybrid screening strategy's, else random)
 * @param unitImportance the strategy whose per-unit importance orders the units under {@code importance} and
 *     {@code auto}, prepared with its default options; empty for the scoring strategy's
 * @param population evolutionary: population size
 * @param mutationRate evolutionary: probability that a layer's head or neuron count changes in a child
 * @param tournament evolutionary: tournament size for parent selection
 * @param shortlist hybrid and screened evolutionary: candidates re-scored by the scoring strategy
 * @param screening hybrid: the cheap strategy that screens candidates for the shortlist
 * @param screen evolutionary: the cheaper form of the scoring strategy every candidate is scored with before the
 *     best {@code shortlist} are scored in full: {@code auto}, {@code off}, or option overrides {@code K=V,K=V}
 */
public record SearchConfig(String strategy, int candidates, long seed, int neuronBlock, int minHeads, int minNeurons,
        String unitSelection, String unitImportance, int population, double mutationRate, int tournament,
        int shortlist, String screening, String screen) {
}
