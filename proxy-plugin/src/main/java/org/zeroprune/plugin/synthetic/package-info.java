/**
 * {@code synthetic-fidelity}: fidelity to the dense model on token sequences the strategy generates
 * without a corpus. See {@link org.zeroprune.plugin.synthetic.SyntheticFidelityProvider}.
 */
package org.zeroprune.plugin.synthetic;
