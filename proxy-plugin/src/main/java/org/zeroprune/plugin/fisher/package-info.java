/** The data-driven reference: Fisher information of head and neuron masks on calibration text. */
package org.zeroprune.plugin.fisher;
