package org.zeroprune.nas.checkpoint;

import java.nio.file.Path;
import java.util.Map;

/**
 * The tensors and metadata of one safetensors file.
 *
 * @param path where it was read from
 * @param tensors tensors by name, in the order of their data in the file
 * @param metadata the {@code __metadata__} string map, possibly empty
 */
public record SafetensorsFile(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
}
