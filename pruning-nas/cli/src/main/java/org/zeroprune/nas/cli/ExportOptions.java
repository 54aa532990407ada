package org.zeroprune.nas.cli;

import picocli.CommandLine.Option;

/** How {@code prune} and {@code export} write the pruned model: {@code --reconstruct}, {@code --format}, {@code --quantize}. */
final class ExportOptions {
    @Option(names = "--reconstruct", paramLabel = "LEVEL", description = "Reconstruction of the pruned model before it"
            + " is written: none (the plain cut), distill (every kept weight trained against the dense model; give it"
            + " text with --corpus FILE: on generated tokens it lowers similarity quality), tune (per-unit scales,"
            + " output biases and LayerNorms), scales or refit (layer-wise least squares); calibrated on the --corpus"
            + " calibration part when one is given, else on generated tokens"
            + " (default: ${bundle:defaults.reconstruct.level}).")
    String reconstruct;

    @Option(names = "--format", paramLabel = "both|safetensors|onnx|hf-padded", description = "Model files to write:"
            + " model.safetensors and model.onnx (both), or one of them; hf-padded: model.safetensors zero-padded to the"
            + " dense shapes, which a plain transformers BertModel loads, and model.onnx (default:"
            + " ${bundle:defaults.output.format}).")
    String format;

    @Option(names = "--quantize", paramLabel = "none|int8", description = "int8: also write model_qint8.onnx beside"
            + " model.onnx, every encoder weight product in ONNX Runtime's dynamic int8 form (default:"
            + " ${bundle:defaults.output.quantize}).")
    String quantize;

    @Option(names = "--reduce-range", description = "With --quantize int8: 7-bit weights, for CPUs without VNNI"
            + " (AVX2 only), where 8-bit products can saturate.")
    Boolean reduceRange;

    Overrides addTo(Overrides overrides) {
        return overrides.put("reconstruct.level", reconstruct, "--reconstruct").put("output.format", format, "--format")
                .put("output.quantize", quantize, "--quantize").put("output.reduce-range", reduceRange, "--reduce-range");
    }
}
