package org.zeroprune.nas.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.zeroprune.nas.ConfigException;
import org.zeroprune.nas.checkpoint.BertCheckpoint;
import org.zeroprune.nas.config.PruneConfig;
import org.zeroprune.nas.export.ExportFormat;
import org.zeroprune.nas.export.Quantization;
import org.zeroprune.nas.export.RankedCandidateExport;
import org.zeroprune.nas.prune.ReconstructionStep;
import org.zeroprune.nas.reconstruct.Reconstructor;
import org.zeroprune.nas.runtime.DjlModelRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code zeroprune export}: any ranked candidate of an earlier prune as a pruned checkpoint, without a new search. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the K-th candidate of a ranking.json from an earlier prune as a pruned checkpoint"
                + " (model.safetensors, model.onnx, config.json, tokenizer.json, masks.json), without searching again.",
                "Reads the configuration as prune does (defaults, --config FILE, --set KEY=VALUE, then the options):"
                        + " the output and reconstruct keys apply; the plugin folders are checked, as export scores"
                        + " nothing."})
final class ExportCommand implements Callable<Integer> {
    @Option(names = "--ranking", paramLabel = "FILE", defaultValue = "out/ranking.json",
            description = "The ranking (default: ${DEFAULT-VALUE}); either mask format.")
    Path ranking;

    @Option(names = "--rank", paramLabel = "K", required = true, description = "The candidate's rank, 1 being the best.")
    int rank;

    @Option(names = "--model", paramLabel = "DIR|FILE.onnx", description = "The dense model the ranking was made from"
            + " (default: the ranking's modelSource).")
    String model;

    @Option(names = "--allow-model-change", description = "Export even when the model's weights differ from those the"
            + " ranking was made from (its modelHash), with a warning; by default that is refused.")
    boolean allowModelChange;

    @Mixin
    CheckpointOutputOptions output;

    @Mixin
    ExportOptions export;

    @Mixin
    CorpusOption corpus;

    @Mixin
    SeedOption seed;

    @Mixin
    ConfigFileOptions config;

    // export scores nothing; the folders are accepted (and checked) so that prune's command line and file work here
    @Mixin
    PluginsOption plugins;

    @Override
    public Integer call() {
        if (export.format != null) {
            try {
                ExportFormat.named(export.format);
            } catch (IllegalArgumentException x) {
                throw new ConfigException("--format: " + x.getMessage());
            }
        }
        PruneConfig config = this.config.load(seed.addTo(corpus.addTo(export.addTo(this.config.overrides()))));
        plugins.discover(config.plugins()).problems().forEach(p -> System.err.println("warning: " + p));
        ExportFormat formats = ExportFormat.named(config.output().format());
        Quantization quantization = Quantization.named(config.output().quantize(), config.output().reduceRange());
        ObjectNode[] report = new ObjectNode[1];
        RankedCandidateExport.Exported e;
        try (DjlModelRuntime runtime = new DjlModelRuntime()) {
            ReconstructionStep step = new ReconstructionStep(config.reconstruct(), config.scoring().corpus(), runtime,
                    config.search().seed());
            e = RankedCandidateExport.export(ranking, rank, model, output.out, output.overwrite(), formats, quantization,
                    allowModelChange, (dense, cut) -> {
                Reconstructor.Reconstruction r = step.run(dense, cut);
                report[0] = r.report();
                return r.checkpoint();
            });
        }
        e.warnings().forEach(w -> System.err.println("warning: " + w));
        BertCheckpoint c = e.checkpoint();
        int layers = c.config().layers();
        int[] heads = new int[layers];
        int[] neurons = new int[layers];
        for (int l = 0; l < layers; l++) {
            heads[l] = c.config().headsInLayer(l);
            neurons[l] = c.config().ffnWidth(l);
        }
        System.out.printf("exported rank %d of %s (score %s, MACs %.3f of dense) -> %s%n", e.rank(), ranking,
                e.row().path("score").asText(), e.row().path("macsRatio").asDouble(), output.out);
        System.out.printf("  %,d parameters; heads per layer %s, neurons per layer %s; from %s%n", c.parameterCount(),
                Arrays.toString(heads).replace(",", ""), Arrays.toString(neurons).replace(",", ""), e.model());
        PruneConsoleSummary.printReconstruction(report[0]);
        e.onnx().ifPresent(p -> System.out.printf("  ONNX model (HF optimum BERT inputs and last_hidden_state): %s%n"
                + "  sentence-transformers: SentenceTransformer(\"%s\", backend=\"onnx\")%n", p, e.directory()));
        if (formats.padded()) {
            System.out.printf("  model.safetensors zero-padded to the dense shapes: transformers' BertModel loads %s%n",
                    e.directory());
        }
        e.int8().ifPresent(p -> System.out.printf("  int8 ONNX model (ONNX Runtime dynamic int8%s): %s%n",
                quantization.reduceRange() ? ", 7-bit weights" : "", p));
        return 0;
    }
}
