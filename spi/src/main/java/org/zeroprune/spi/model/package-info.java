/**
 * A read-only view of a transformer encoder, as plugins see it.
 *
 * <p>A {@link org.zeroprune.spi.model.ModelView} is a list of layers; each
 * {@link org.zeroprune.spi.model.LayerView} has an attention and an FFN
 * {@link org.zeroprune.spi.model.ModuleView}; each module lists its weights
 * ({@link org.zeroprune.spi.model.WeightView}) and, per axis, how removing one of the module's
 * units (a head, a neuron) cuts that weight ({@link org.zeroprune.spi.model.UnitCut}). A strategy
 * that works from this description alone handles BERT, pruned BERT with uneven layers, and other
 * layer types (stacked FFNs, convolutions, linear transforms) without a change of contract.
 *
 * <p>May use: the JDK and the other SPI packages only.
 */
package org.zeroprune.spi.model;
