/**
 * HuggingFace BERT checkpoints: {@code config.json} ({@link org.zeroprune.nas.checkpoint.BertConfig}),
 * safetensors reading and writing, tensors and their names, the layout a pruned model records, and
 * tokenizers ({@link org.zeroprune.nas.checkpoint.BertTokenizer}).
 *
 * <p>May use: the foundation ({@code org.zeroprune.nas}, {@code io}), Jackson, DJL's tokenizers
 * binding and the SPI. Part of the read layer.
 */
package org.zeroprune.nas.checkpoint;
