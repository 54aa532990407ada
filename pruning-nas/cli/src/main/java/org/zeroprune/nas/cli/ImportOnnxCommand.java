package org.zeroprune.nas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.io.OutputDirectory;
import org.zeroprune.nas.importer.OnnxBertImporter;
import org.zeroprune.nas.importer.OnnxImportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zeroprune import-onnx}: an ONNX BERT export to a HuggingFace checkpoint directory. */
@Command(name = "import-onnx", mixinStandardHelpOptions = true,
        description = "Turn a BERT encoder exported to ONNX (HF/optimum, torch.onnx) into a HuggingFace checkpoint"
                + " directory (config.json, model.safetensors, tokenizer.json) that prune reads.")
final class ImportOnnxCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.onnx", description = "The ONNX file.")
    Path onnx;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "tokenizer.json to copy (default: the one beside"
            + " the ONNX file, if any); loaded first, so a file that is not a HuggingFace tokenizer is refused.")
    Path tokenizer;

    @Option(names = "--heads", paramLabel = "N", description = "Attention heads, when neither a config.json beside the"
            + " file nor the graph tells; refused if either says otherwise.")
    Integer heads;

    @Mixin
    CheckpointOutputOptions output;

    @Override
    public Integer call() {
        // before the output directory is claimed: a wrong argument leaves nothing behind
        if (Files.isDirectory(onnx)) {
            throw new OnnxImportException(onnx + ": is a directory; expected a file: a BERT encoder exported to ONNX");
        }
        try (OutputDirectory claimed = output.claim("import-onnx",
                Arrays.asList(onnx.toString(), tokenizer == null ? null : tokenizer.toString()))) {
            return importInto(claimed);
        }
    }

    private int importInto(OutputDirectory claimed) {
        Optional<Path> tok = Optional.ofNullable(tokenizer);
        if (tok.isEmpty()) {
            Path sibling = onnx.toAbsolutePath().resolveSibling("tokenizer.json");
            tok = Files.isRegularFile(sibling) ? Optional.of(sibling) : Optional.empty();
        }
        BertCheckpoint checkpoint = OnnxBertImporter.importFile(onnx, tok,
                heads == null ? OptionalInt.empty() : OptionalInt.of(heads), claimed);
        System.out.printf("imported %s -> %s: %d layers, hidden %d, %d heads, FFN %d, %,d parameters%s%n", onnx, output.out,
                checkpoint.config().layers(), checkpoint.config().hiddenSize(), checkpoint.config().attentionHeads(),
                checkpoint.config().intermediateSize(), checkpoint.parameterCount(),
                tok.isPresent() ? "" : " (no tokenizer.json: pass --tokenizer to copy one)");
        return 0;
    }
}
